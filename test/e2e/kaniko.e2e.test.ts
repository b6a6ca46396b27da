// kaniko and kaniko-proxy in the kaniko debug executor image, unprivileged, with the runner's default seccomp
// profile and capabilities: the maintained fork at the version tool-versions.yml pins, and upstream's last
// release for projects still on it.
import { describe, expect, it } from 'vitest'
import { localImageTags, stackEnv } from '../../scripts/lib/e2e-stack.js'
import {
  expectCacheHitScenario,
  expectDefaultsScenario,
  expectTagScenario,
  runPassing,
} from './lib/builder-scenarios.js'
import { kanikoSteps } from './lib/cache-report.js'
import { workspace } from './lib/local.js'
import { runScenario, tail } from './lib/pipeline.js'
import { proxyLogSince, proxyLogSize } from './lib/proxy.js'
import { listTags } from './lib/registry.js'

describe('kaniko', () => {
  it('defaults: pushes :latest, the tag names the dotenv digest, the revision label is set, the cache is written', async () => {
    const { repo, run } = await expectDefaultsScenario('test/pipelines/kaniko/defaults.gitlab-ci.yml')
    expect((await listTags(`${repo}/cache`)).length).toBeGreaterThan(0)
    expect(run.jobLog('build')).toContain(`Using docker image ${localImageTags().kaniko}`)
  })

  it('upstream kaniko v1.24.0 (archived): the same job works in its debug image', async () => {
    const { run } = await expectDefaultsScenario('test/pipelines/kaniko/upstream.gitlab-ci.yml', {
      inputOverrides: { kaniko: { image: localImageTags().kanikoUpstream } },
    })
    expect(run.jobLog('build')).toContain(`Using docker image ${localImageTags().kanikoUpstream}`)
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest, and reads the cache without writing it', async () => {
    const { repo, run } = await expectTagScenario('test/pipelines/kaniko/tag.gitlab-ci.yml')
    expect(await listTags(`${repo}/cache`)).toEqual([])
  })

  it('cache hit: a second build on a fresh runner serves every RUN step from the registry cache', async () => {
    const run = await expectCacheHitScenario('test/pipelines/kaniko/cache-hit.gitlab-ci.yml', (log) =>
      kanikoSteps(log).filter((step) => step.instruction.startsWith('RUN')),
    )
    expect(
      kanikoSteps(run.jobLog('build-warm')).some((step) => step.instruction.startsWith('RUN sleep')),
    ).toBe(true)
  })
})

describe('kaniko-proxy', () => {
  it('registry traffic and the RUN step go through the proxy; the private CA is trusted; proxy credentials never reach the log', async () => {
    const before = proxyLogSize()
    // A proxy URL with credentials, as runners often carry: the proxy here ignores them, the log must not show them.
    const password = `canary-proxy-password-${Date.now()}`
    const proxy = stackEnv().E2E_HTTP_PROXY.replace('://', `://e2e-user:${password}@`)
    // A path of this test's own, so a proxy request of another test running meanwhile cannot stand in for it.
    const target = `${stackEnv().E2E_PROXY_TARGET}kaniko-${Date.now()}`
    const { run } = await runPassing(
      'test/pipelines/kaniko-proxy/proxy.gitlab-ci.yml',
      ['build', 'verify:image'],
      { variables: { TEST_HTTP_PROXY: proxy, TEST_PROXY_TARGET: target } },
    )
    const log = proxyLogSince(before)
    expect(log).toContain(`GET ${target}`)
    expect(log).toContain(`CONNECT ${stackEnv().E2E_REGISTRY}`)
    expect(run.jobLog('build')).toContain(`proxy: http=${stackEnv().E2E_HTTP_PROXY}`)
    expect(run.allText.includes(password), 'the proxy password appears in a log').toBe(false)
  })

  it('a ca_bundle that is not a path fails with a clear error before building', async () => {
    const run = await runScenario(workspace(), {
      scenario: 'test/pipelines/kaniko-proxy/proxy.gitlab-ci.yml',
      inputOverrides: { 'kaniko-proxy': { ca_bundle: 'ca-certificates.crt' } },
    })
    expect(run.status('build'), tail(run)).toBe('failed')
    expect(run.jobLog('build')).toContain(
      "ERROR: ca_bundle 'ca-certificates.crt' is not a file path such as /kaniko/ssl/certs/ca-certificates.crt",
    )
    expect(run.jobLog('build')).not.toContain('Pushing image')
  })
})
