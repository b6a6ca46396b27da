// buildah in the buildah image (bash, vfs storage, chroot isolation), as root without --privileged: the runner
// only relaxes the seccomp profile, which buildah needs to create its user namespace (test/e2e/README.md says
// what each runner type must allow).
import { describe, expect, it } from 'vitest'
import { expectCacheHitScenario, expectDefaultsScenario, expectTagScenario } from './lib/builder-scenarios.js'
import { buildahSteps } from './lib/cache-report.js'
import { buildahRunner, workspace } from './lib/local.js'
import { runScenario, tail } from './lib/pipeline.js'
import { listTags } from './lib/registry.js'

describe('buildah', () => {
  it("needs the runner to relax seccomp: under Docker's default profile the build cannot make its user namespace", async () => {
    const run = await runScenario(workspace(), { scenario: 'test/pipelines/buildah/defaults.gitlab-ci.yml' })
    expect(run.status('build'), tail(run)).toBe('failed')
    expect(run.jobLog('build')).toContain('unshare(CLONE_NEWUSER): Operation not permitted')
  })

  it('defaults: pushes :latest on the default branch, the tag names the dotenv digest, the revision label is set', async () => {
    const { repo } = await expectDefaultsScenario(
      'test/pipelines/buildah/defaults.gitlab-ci.yml',
      buildahRunner,
    )
    expect((await listTags(`${repo}/cache`)).length).toBeGreaterThan(0)
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest', async () => {
    await expectTagScenario('test/pipelines/buildah/tag.gitlab-ci.yml', buildahRunner)
  })

  it('cache hit: a second build on a fresh runner serves every step from the registry cache', async () => {
    const run = await expectCacheHitScenario(
      'test/pipelines/buildah/cache-hit.gitlab-ci.yml',
      buildahSteps,
      buildahRunner,
    )
    expect(
      buildahSteps(run.jobLog('build-warm')).find((step) => step.instruction.startsWith('RUN sleep'))?.cached,
    ).toBe(true)
  })
})
