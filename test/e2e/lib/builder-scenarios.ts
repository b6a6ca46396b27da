// The checks every builder's defaults and tag scenarios share; each test adds what is particular to its builder.
// Tests name their scenario file literally: coverage.e2e.test.ts looks for it.
import { expect } from 'vitest'
import { expectNoRegistryPassword, registryImage, workspace } from './local.js'
import { type RunOptions, type RunResult, runScenario, tail } from './pipeline.js'
import { imageLabels, listTags, manifestDigest } from './registry.js'
import type { Workspace } from './workspace.js'

export interface ScenarioResult {
  ws: Workspace
  run: RunResult
  /** The repository the scenario pushes to. */
  repo: string
  digest: string
}

/** `test/pipelines/<builder>/<scenario>.gitlab-ci.yml` pushes to `<registry image>/test/<builder>/<scenario>`. */
export function repositoryOf(scenarioFile: string): string {
  const match = /^test\/pipelines\/([^/]+)\/([^/]+)\.gitlab-ci\.yml$/.exec(scenarioFile)
  if (!match) throw new Error(`not a scenario file: ${scenarioFile}`)
  return `${registryImage()}/test/${match[1]}/${match[2]}`
}

/** Runs a scenario and expects every job it names to pass. */
export async function runPassing(scenarioFile: string, jobs: string[], options: Partial<RunOptions> = {}) {
  const ws = workspace()
  const run = await runScenario(ws, { scenario: scenarioFile, ...options })
  for (const job of jobs) expect(run.status(job), `${job}\n${tail(run)}`).toBe('passed')
  return { ws, run, repo: repositoryOf(scenarioFile) }
}

/** Default branch: only `:latest` is pushed, it names the dotenv digest, the revision label is set, no password in the log. */
export async function expectDefaultsScenario(
  scenarioFile: string,
  options: Partial<RunOptions> = {},
): Promise<ScenarioResult> {
  const { ws, run, repo } = await runPassing(scenarioFile, ['build', 'verify:image'], options)
  const { IMAGE_DIGEST, IMAGE_REF } = run.dotenv('build')
  expect(IMAGE_DIGEST).toMatch(/^sha256:[0-9a-f]{64}$/)
  expect(IMAGE_REF).toBe(`${repo}@${IMAGE_DIGEST}`)
  expect(await listTags(repo)).toEqual(['latest'])
  expect(await manifestDigest(repo, 'latest')).toBe(IMAGE_DIGEST)
  expect((await imageLabels(IMAGE_REF as string))['org.opencontainers.image.revision']).toBe(ws.sha)
  expectNoRegistryPassword(run)
  return { ws, run, repo, digest: IMAGE_DIGEST as string }
}

/** Tag pipeline `v1.2.3`: the tag and the scenario's extra tags (`stable`, the short SHA) name one digest; no `:latest`. */
export async function expectTagScenario(
  scenarioFile: string,
  options: Partial<RunOptions> = {},
): Promise<ScenarioResult> {
  const { ws, run, repo } = await runPassing(scenarioFile, ['build', 'verify:image'], {
    ref: { tag: 'v1.2.3' },
    ...options,
  })
  const { IMAGE_DIGEST } = run.dotenv('build')
  const shortSha = ws.sha.slice(0, 8)
  expect(await listTags(repo)).toEqual([shortSha, 'stable', 'v1.2.3'].sort())
  for (const tag of ['v1.2.3', 'stable', shortSha]) expect(await manifestDigest(repo, tag)).toBe(IMAGE_DIGEST)
  return { ws, run, repo, digest: IMAGE_DIGEST as string }
}

/**
 * A cache-hit scenario (`build-cold`, then `build-warm` on a fresh runner, then `verify:image` and
 * `verify:cache-hit`): the scenario's own check passed, and the job logs tell the same: the cold build ran every
 * step, the warm one the same steps, each served from the registry cache.
 */
export async function expectCacheHitScenario(
  scenarioFile: string,
  steps: (log: string) => { instruction: string; cached: boolean }[],
  options: Partial<RunOptions> = {},
) {
  const { run } = await runPassing(
    scenarioFile,
    ['build-cold', 'build-warm', 'verify:image', 'verify:cache-hit'],
    options,
  )
  // The scenario's own check, as it runs on GitLab: from the build_log artifacts, not the job logs.
  expect(run.jobLog('verify:cache-hit')).toMatch(/^ok: the warm build took every layer step matching/m)
  const cold = steps(run.jobLog('build-cold'))
  expect(cold.length, run.jobLog('build-cold')).toBeGreaterThanOrEqual(2)
  expect(cold.filter((step) => step.cached)).toEqual([])
  const warm = steps(run.jobLog('build-warm'))
  // Same steps (BuildKit reports parallel steps in either order).
  const instructions = (list: { instruction: string }[]) => list.map((step) => step.instruction).sort()
  expect(instructions(warm)).toEqual(instructions(cold))
  expect(warm.filter((step) => !step.cached)).toEqual([])
  return run
}
