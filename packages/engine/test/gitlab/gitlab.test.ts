import { render } from '@catalog/engine'
import { describe, expect, it } from 'vitest'
import type { GitlabCase } from './case.js'
import { functionCases } from './functions.cases.js'
import { headerCases } from './header.cases.js'
import { inputCases } from './inputs.cases.js'
import { interpolationCases } from './interpolation.cases.js'
import { psychCases } from './psych.cases.js'
import { ruleCases } from './rules.cases.js'
import { yamlCases } from './yaml.cases.js'

/**
 * Every known divergence from GitLab 18.11, keyed `<source> › <name>`, with the reason. Nothing else is skipped.
 */
const SKIP: Record<string, string> = {
  'spec/lib/gitlab/ci/config/interpolation/access_spec.rb › when accessing array by index with a hyphenated key › returns the first element':
    'newer GitLab than 18.11: in 18.11.2 VALID_INDEXED_SEGMENT_PATTERN is \\A(\\w*)(\\[\\d+\\])+\\z, so `supported-versions[0]` is an index-syntax error there (and here)',
}

const areas: [string, GitlabCase[]][] = [
  ['yaml', yamlCases],
  ['header', headerCases],
  ['inputs', inputCases],
  ['interpolation', interpolationCases],
  ['functions', functionCases],
  ['rules', ruleCases],
  ['psych', psychCases],
]

const keyOf = (c: GitlabCase) => `${c.source} › ${c.name}`

for (const [area, cases] of areas) {
  describe(area, () => {
    const runnable = cases.filter((c) => !(keyOf(c) in SKIP))
    const skipped = cases
      .filter((c) => keyOf(c) in SKIP)
      .map((c) => ({ ...c, reason: SKIP[keyOf(c)] as string }))
    for (const c of skipped) console.info(`skipped (known divergence): ${keyOf(c)}: ${c.reason}`)

    it.each(runnable)('$source › $name', (c) => {
      const result = render(c.template, {
        inputs: c.inputs,
        ...(c.context?.component ? { component: c.context.component } : {}),
        ...(c.context?.variables ? { variables: c.context.variables } : {}),
      })
      if ('error' in c.expected) {
        expect(result.ok ? result.config : undefined).toBeUndefined()
        expect(result.ok ? undefined : result.error).toBe(c.expected.error)
      } else {
        expect(result.ok ? undefined : result.error).toBeUndefined()
        expect(result.ok ? result.config : undefined).toStrictEqual(c.expected.config)
      }
    })

    // The skip map is the only place a case is skipped; the reason is in the title and printed above.
    it.skip.each(skipped)('$source › $name — known divergence: $reason', () => {})
  })
}

it('has at least 150 GitLab cases', () => {
  expect(areas.reduce((sum, [, cases]) => sum + cases.length, 0)).toBeGreaterThanOrEqual(150)
})

it('every skip map entry names an existing case', () => {
  const keys = new Set(areas.flatMap(([, cases]) => cases.map(keyOf)))
  for (const key of Object.keys(SKIP)) expect(keys.has(key), key).toBe(true)
})
