// Every scenario pipeline under test/pipelines/ is run by some e2e test: a new scenario without a test fails
// here instead of silently never running on this machine.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localInputs, workspace } from './lib/local.js'
import { runPipeline } from './lib/pipeline.js'
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

  // Whether or not this machine can run a scenario (kaniko needs an executor image), its configuration must
  // resolve: the self-includes map to the working tree, the inputs are accepted, and GitLab's CI schema (the
  // one gitlab-ci-local bundles) passes. The local input overrides are applied, as in the real runs.
  it.each(scenarios)('%s resolves and passes the CI schema', async (scenario) => {
    const run = await runPipeline(workspace(), { scenario, preview: true, inputOverrides: localInputs })
    expect(run.exitCode, run.output.slice(-3000)).toBe(0)
    expect(run.output).toMatch(/^stages:/m)
  })
})
