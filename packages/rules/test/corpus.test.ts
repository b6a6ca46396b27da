import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '@catalog/loader'
import { beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig, type RuleTools, runRules } from '../src/index.js'
import { realTools, subdirectories } from './util-fixtures.js'

/**
 * Catalogs written in the shapes public catalogs use (OpenTofu-style inputs and extends switches, jobs from GitLab's
 * own CI templates, Docker-in-Docker builds, Node and Python pipelines, Helm deployments), none of them following
 * this catalog's house style. `expected.json` lists, by hand, what a maintainer should be told under the default
 * profile: what GitLab would reject or what would certainly fail (errors) and hardening (warnings). Anything else the
 * rules report is a misfire, and fails here.
 */
interface ExpectedFinding {
  file: string
  line: number
  rule: string
  severity: 'error' | 'warning'
  messageContains: string
}

const corpusDir = fileURLToPath(new URL('./corpus/', import.meta.url))
const catalogs = subdirectories(corpusDir)

let tools: RuleTools

beforeAll(async () => {
  tools = await realTools()
})

describe('the default profile on third-party-shaped catalogs', { timeout: 30_000 }, () => {
  it.each(catalogs)('%s: only what a maintainer should fix', async (name) => {
    const root = join(corpusDir, name)
    const expected = JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as ExpectedFinding[]
    const { findings } = await runRules(loadCatalog(root), tools, { config: defaultConfig() })
    expect(findings.map(({ file, line, rule, severity }) => ({ file, line, rule, severity }))).toEqual(
      expected.map(({ file, line, rule, severity }) => ({ file, line, rule, severity })),
    )
    expected.forEach((entry, index) => {
      expect(findings[index]?.message).toContain(entry.messageContains)
    })
  })
})
