// buildx-cache scenarios run by gitlab-ci-local against the stack's registry and Docker Engine 26.
import { describe, expect, it } from 'vitest'
import { stackEnv } from '../../scripts/lib/e2e-stack.js'
import { expectDefaultsScenario, expectTagScenario } from './lib/builder-scenarios.js'
import { buildkitSteps } from './lib/cache-report.js'
import { forgetLocalBuilds } from './lib/docker.js'
import { localInputs, registryImage, workspace } from './lib/local.js'
import { runPipeline, tail } from './lib/pipeline.js'
import { proxyLogSince, proxyLogSize } from './lib/proxy.js'
import { listTags, manifestDigest } from './lib/registry.js'

const inputOverrides = localInputs
const repository = (scenario: string) => `${registryImage()}/test/buildx-cache/${scenario}`

describe('buildx-cache', () => {
  it('defaults: pushes :latest on the default branch, the tag names the dotenv digest, the revision label is set', async () => {
    const { repo } = await expectDefaultsScenario('test/pipelines/buildx-cache/defaults.gitlab-ci.yml')
    // The cache reference did not exist before this first build; the build wrote it for the branch.
    expect(await listTags(`${repo}/cache`)).toEqual(['main'])
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest, and does not write the cache', async () => {
    const { repo } = await expectTagScenario('test/pipelines/buildx-cache/tag.gitlab-ci.yml')
    expect(await listTags(`${repo}/cache`)).toEqual([])
  })

  it('cache hit: a second build on a runner without local cache serves every step from the registry cache', async () => {
    const ws = workspace()
    const scenario = 'test/pipelines/buildx-cache/cache-hit.gitlab-ci.yml'
    forgetLocalBuilds()
    const cold = await runPipeline(ws, { scenario, jobs: ['build-cold'], inputOverrides })
    expect(cold.status('build-cold'), tail(cold)).toBe('passed')
    const coldSteps = buildkitSteps(cold.jobLog('build-cold'))
    expect(coldSteps.length, cold.jobLog('build-cold')).toBeGreaterThanOrEqual(2)
    expect(coldSteps.filter((step) => step.cached)).toEqual([])

    forgetLocalBuilds()
    const warm = await runPipeline(ws, { scenario, jobs: ['build-warm', 'verify:image'], inputOverrides })
    expect(warm.status('build-warm'), tail(warm)).toBe('passed')
    expect(warm.status('verify:image'), tail(warm)).toBe('passed')
    const warmSteps = buildkitSteps(warm.jobLog('build-warm'))
    // Same steps (BuildKit reports parallel steps in either order).
    const instructions = (steps: { instruction: string }[]) => steps.map((step) => step.instruction).sort()
    expect(instructions(warmSteps)).toEqual(instructions(coldSteps))
    expect(warmSteps.filter((step) => !step.cached)).toEqual([])
  })
  it('secrets: the RUN step sees the BuildKit secret, no layer and no log holds its value', async () => {
    const ws = workspace()
    const secret = `canary-build-secret-${Date.now()}`
    const run = await runPipeline(ws, {
      scenario: 'test/pipelines/buildx-cache/secrets.gitlab-ci.yml',
      variables: { E2E_BUILD_SECRET: secret },
      inputOverrides,
    })
    expect(run.status('build'), tail(run)).toBe('passed')
    expect(run.status('verify:image'), tail(run)).toBe('passed')
    expect(run.status('verify:secret'), tail(run)).toBe('passed')
    expect(await manifestDigest(repository('secrets'), 'latest')).toBe(run.dotenv('build').IMAGE_DIGEST)
    expect(run.jobLog('build').includes(secret), 'the secret appears in the build log').toBe(false)
  })

  it('proxy build args: the RUN step reaches a target that answers only through the proxy', async () => {
    const ws = workspace()
    const before = proxyLogSize()
    const run = await runPipeline(ws, {
      scenario: 'test/pipelines/buildx-cache/proxy-build-args.gitlab-ci.yml',
      inputOverrides,
    })
    expect(run.status('build'), tail(run)).toBe('passed')
    expect(run.status('verify:image'), tail(run)).toBe('passed')
    expect(proxyLogSince(before)).toContain(`GET ${stackEnv().E2E_PROXY_TARGET}`)
    expect(await manifestDigest(repository('proxy-build-args'), 'latest')).toBe(
      run.dotenv('build').IMAGE_DIGEST,
    )
  })
})
