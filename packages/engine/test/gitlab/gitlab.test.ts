import { render } from '@catalog/engine'
import { describe, expect, it } from 'vitest'
import { type GitlabCase, originOf } from './case.js'
import { functionCases } from './functions.cases.js'
import { headerCases } from './header.cases.js'
import { arrayOptionCases, inputCases } from './inputs.cases.js'
import { interpolationCases } from './interpolation.cases.js'
import { psychCases } from './psych.cases.js'
import { ruleCases } from './rules.cases.js'
import { yamlCases } from './yaml.cases.js'

/**
 * Every known divergence from GitLab, keyed `<source> › <name>`, with the reason. Nothing else is skipped.
 */
const SKIP: Record<string, string> = {
  'spec/lib/gitlab/ci/config/interpolation/access_spec.rb › when accessing array by index with a hyphenated key › returns the first element':
    'newer GitLab than 18.11 (the version that changed it was not found in the sources read): in 18.11.2 VALID_INDEXED_SEGMENT_PATTERN is \\A(\\w*)(\\[\\d+\\])+\\z, so `supported-versions[0]` is an index-syntax error there (and here)',
}

const areas: [string, GitlabCase[]][] = [
  ['yaml', yamlCases],
  ['header', headerCases],
  ['inputs', inputCases],
  ['array options (19.0)', arrayOptionCases],
  ['interpolation', interpolationCases],
  ['functions', functionCases],
  ['rules', ruleCases],
  ['psych', psychCases],
]

const keyOf = (c: GitlabCase) => `${c.source} › ${c.name}`

/** `[19.0] spec/lib/ci/inputs/array_input_spec.rb › …`: the version the case pins down comes first. */
const titleOf = (c: GitlabCase) => `[${c.gitlab ?? '18.11'}] ${keyOf(c)}`

const ORIGINS = [
  ['gitlab', 'from GitLab specs'],
  ['derived', 'derived (team notes, GitLab source reading, libyaml)'],
] as const

function runCase(c: GitlabCase): void {
  const result = render(c.template, {
    inputs: c.inputs,
    gitlabVersion: c.gitlab ?? '18.11',
    ...(c.featureFlags ? { featureFlags: c.featureFlags } : {}),
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
}

for (const [area, cases] of areas) {
  describe(area, () => {
    for (const [origin, title] of ORIGINS) {
      const mine = cases.filter((c) => originOf(c.source) === origin)
      if (mine.length === 0) continue
      describe(title, () => {
        for (const c of mine) {
          const reason = SKIP[keyOf(c)]
          if (reason === undefined) {
            it(titleOf(c), () => runCase(c))
          } else {
            // The skip map is the only place a case is skipped; the reason is in the title and printed here.
            console.info(`skipped (known divergence): ${keyOf(c)}: ${reason}`)
            it.skip(`${titleOf(c)} — known divergence: ${reason}`, () => {})
          }
        }
      })
    }
  })
}

const all = areas.flatMap(([, cases]) => cases)

it('has at least 150 cases taken from GitLab specs', () => {
  expect(all.filter((c) => originOf(c.source) === 'gitlab').length).toBeGreaterThanOrEqual(150)
})

it('labels a case as GitLab-spec only when every source it cites is a GitLab spec file', () => {
  expect(originOf('spec/lib/ci/inputs/array_input_spec.rb')).toBe('gitlab')
  expect(originOf('spec/lib/a_spec.rb + spec/lib/b_spec.rb')).toBe('gitlab')
  expect(originOf('spec/support/shared_examples/ci/config/entry/base_input_shared_examples.rb')).toBe(
    'gitlab',
  )
  expect(originOf('spec/lib/ci/inputs/string_input_spec.rb + gitlab-components-spec.md §3.4')).toBe('derived')
  expect(originOf('gitlab-components-spec.md §4')).toBe('derived')
  expect(originOf('libyaml scanner.c/parser.c messages')).toBe('derived')
  expect(originOf('lib/ci/inputs/base_input.rb @55eb439')).toBe('derived')
})

it('names each case once per GitLab version', () => {
  const keys = all.map((c) => `${c.gitlab ?? '18.11'} ${keyOf(c)}`)
  expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([])
})

it('every skip map entry names an existing case', () => {
  const keys = new Set(all.map(keyOf))
  for (const key of Object.keys(SKIP)) expect(keys.has(key), key).toBe(true)
})
