import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '@catalog/loader'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig, parseValidateConfig, type RuleTools, ruleIds, rules, runRules } from '../src/index.js'
import { realTools, subdirectories } from './util-fixtures.js'

/**
 * One folder per case: test/cases/<rule-id>/<case>/ holds a small catalog tree and expected.json, the findings
 * of that rule written by hand ({ file, line, severity, messageContains? }). Only the folder's rule runs, at its own
 * severities (as under the strict profile) unless the case's .catalogrc.yml says otherwise.
 */
interface ExpectedFinding {
  file: string
  line: number
  severity: 'error' | 'warning'
  messageContains?: string
}

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url))
const dirs = subdirectories

let tools: RuleTools

beforeAll(async () => {
  tools = await realTools()
})

it('every rule has a breaking case and a passing case', () => {
  for (const rule of ruleIds) {
    const cases = existsSync(join(casesDir, rule)) ? dirs(join(casesDir, rule)) : []
    const expectations = cases.map(
      (name) =>
        (JSON.parse(readFileSync(join(casesDir, rule, name, 'expected.json'), 'utf8')) as unknown[]).length,
    )
    expect({ rule, breaks: expectations.some((n) => n > 0) }).toEqual({ rule, breaks: true })
    expect({ rule, passes: expectations.some((n) => n === 0) }).toEqual({ rule, passes: true })
  }
})

for (const rule of dirs(casesDir)) {
  describe(rule, () => {
    for (const name of dirs(join(casesDir, rule))) {
      it(name, async () => {
        const root = join(casesDir, rule, name)
        const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as ExpectedFinding[]
        const catalog = loadCatalog(root)
        // A case runs under the strict profile (every rule at its own severities) unless its .catalogrc.yml says otherwise.
        const parsed = catalog.config
          ? parseValidateConfig(catalog.config.file, catalog.config.source, rules)
          : null
        if (parsed && !parsed.ok) throw new Error(parsed.error)
        // A file GitLab cannot load gets that one error and nothing else: its cases run every rule.
        const { findings } = await runRules(catalog, tools, {
          ...(rule === 'yaml-invalid' ? {} : { only: [rule] }),
          config: parsed?.ok
            ? parsed.config
            : defaultConfig(rule === 'yaml-invalid' ? 'recommended' : 'strict'),
        })
        expect(findings.map(({ file, line, severity }) => ({ file, line, severity }))).toEqual(
          expected.map(({ file, line, severity }) => ({ file, line, severity })),
        )
        expected.forEach((entry, index) => {
          expect(findings[index]?.rule).toBe(rule)
          if (entry.messageContains) expect(findings[index]?.message).toContain(entry.messageContains)
        })
      })
    }
  })
}
