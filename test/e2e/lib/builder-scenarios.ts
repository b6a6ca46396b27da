// The checks every builder's defaults and tag scenarios share; each test adds what is particular to its builder.
// Tests name their scenario file literally: coverage.e2e.test.ts looks for it.
import { expect } from 'vitest'
import { expectNoRegistryPassword, localInputs, registryImage, workspace } from './local.js'
import { type RunResult, runPipeline, tail } from './pipeline.js'
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
function repositoryOf(scenarioFile: string): string {
  const match = /^test\/pipelines\/([^/]+)\/([^/]+)\.gitlab-ci\.yml$/.exec(scenarioFile)
  if (!match) throw new Error(`not a scenario file: ${scenarioFile}`)
  return `${registryImage()}/test/${match[1]}/${match[2]}`
}

async function runBuild(scenarioFile: string, tag?: string) {
  const ws = workspace()
  const run = await runPipeline(ws, {
    scenario: scenarioFile,
    ...(tag === undefined ? {} : { ref: { tag } }),
    inputOverrides: localInputs,
  })
  expect(run.status('build'), tail(run)).toBe('passed')
  expect(run.status('verify:image'), tail(run)).toBe('passed')
  return { ws, run, repo: repositoryOf(scenarioFile) }
}

/** Default branch: only `:latest` is pushed, it names the dotenv digest, the revision label is set, no password in the log. */
export async function expectDefaultsScenario(scenarioFile: string): Promise<ScenarioResult> {
  const { ws, run, repo } = await runBuild(scenarioFile)
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
export async function expectTagScenario(scenarioFile: string): Promise<ScenarioResult> {
  const { ws, run, repo } = await runBuild(scenarioFile, 'v1.2.3')
  const { IMAGE_DIGEST } = run.dotenv('build')
  const shortSha = ws.sha.slice(0, 8)
  expect(await listTags(repo)).toEqual([shortSha, 'stable', 'v1.2.3'].sort())
  for (const tag of ['v1.2.3', 'stable', shortSha]) expect(await manifestDigest(repo, tag)).toBe(IMAGE_DIGEST)
  return { ws, run, repo, digest: IMAGE_DIGEST as string }
}
