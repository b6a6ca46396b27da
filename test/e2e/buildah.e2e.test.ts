// buildah scenarios run by gitlab-ci-local against the stack's registry (private CA, htpasswd) with buildah
// 1.28 from Debian bookworm; each job's storage lives in its workspace (CONTAINERS_STORAGE_CONF).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectDefaultsScenario, expectTagScenario } from './lib/builder-scenarios.js'
import { buildahSteps } from './lib/cache-report.js'
import { localInputs, workspace } from './lib/local.js'
import { runPipeline, tail } from './lib/pipeline.js'
import { listTags } from './lib/registry.js'

const inputOverrides = localInputs

describe('buildah', () => {
  it('defaults: pushes :latest on the default branch, the tag names the dotenv digest, the revision label is set', async () => {
    const { repo } = await expectDefaultsScenario('test/pipelines/buildah/defaults.gitlab-ci.yml')
    expect((await listTags(`${repo}/cache`)).length).toBeGreaterThan(0)
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest', async () => {
    await expectTagScenario('test/pipelines/buildah/tag.gitlab-ci.yml')
  })

  it('cache hit: a second build with empty local storage serves every step but COPY --from from the registry cache', async () => {
    const ws = workspace()
    const scenario = 'test/pipelines/buildah/cache-hit.gitlab-ci.yml'
    const storage = join(ws.home, 'containers')
    const cold = await runPipeline(ws, { scenario, jobs: ['build-cold'], inputOverrides })
    expect(cold.status('build-cold'), tail(cold)).toBe('passed')
    const coldSteps = buildahSteps(cold.jobLog('build-cold'))
    expect(coldSteps.length, cold.jobLog('build-cold')).toBeGreaterThanOrEqual(2)
    expect(coldSteps.filter((step) => step.cached)).toEqual([])

    rmSync(storage, { recursive: true, force: true })
    const warm = await runPipeline(ws, { scenario, jobs: ['build-warm', 'verify:image'], inputOverrides })
    expect(warm.status('build-warm'), tail(warm)).toBe('passed')
    expect(warm.status('verify:image'), tail(warm)).toBe('passed')
    const warmSteps = buildahSteps(warm.jobLog('build-warm'))
    // Same steps (BuildKit reports parallel steps in either order).
    const instructions = (steps: { instruction: string }[]) => steps.map((step) => step.instruction).sort()
    expect(instructions(warmSteps)).toEqual(instructions(coldSteps))
    // buildah 1.28 (Debian bookworm) never looks up `COPY --from=<stage>` in the registry cache: that step is
    // rebuilt even with no change (seen in its own log: no "Cache pulled from remote" for it). Every other
    // step must be served from the cache. If this expectation breaks after a buildah upgrade, tighten it.
    const missed = warmSteps.filter((step) => !step.cached)
    if (missed.length > 0)
      console.log(`buildah 1.28 rebuilt: ${missed.map((step) => step.instruction).join('; ')}`)
    expect(missed.filter((step) => !/^COPY --from=/i.test(step.instruction))).toEqual([])
    expect(warmSteps.find((step) => step.instruction.startsWith('RUN sleep'))?.cached).toBe(true)
  })
})
