// Every scenario pipeline under test/pipelines/ is run by some e2e test: a new scenario without a test fails
// here instead of silently never running on this machine. And every scenario resolves as GitLab would
// resolve it: components rendered, configuration merged and checked against GitLab's CI schema, jobs created.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { workspace } from './lib/local.js'
import { planLocalScenario } from './lib/pipeline.js'
import { repoRoot } from './lib/workspace.js'

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
}

describe('scenario coverage', () => {
  const scenarios = files(join(repoRoot, 'test/pipelines'), '.gitlab-ci.yml').sort()
  const tests = files(join(repoRoot, 'test/e2e'), '.e2e.test.ts')
    .filter((file) => !file.endsWith('coverage.e2e.test.ts'))
    .map((file) => readFileSync(join(repoRoot, file), 'utf8'))
    .join('\n')

  it('finds the scenario files', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(10)
  })

  it.each(scenarios)('%s is run by an e2e test', (scenario) => {
    expect(tests).toContain(`'${scenario}'`)
  })

  it.each(scenarios)('%s resolves, passes the CI schema and creates jobs', async (scenario) => {
    const plan = await planLocalScenario(workspace(), { scenario })
    expect(plan.planned.length).toBeGreaterThan(0)
    for (const { job } of plan.planned) expect(job.image?.name, job.name).toBeTruthy()
  })
})
