// buildx-cache as GitLab runs it by default: the job in the docker CLI image, a privileged Docker-in-Docker
// service with TLS on /certs, and a throw-away `docker-container` BuildKit builder inside it; `builder: docker`
// as a second scenario. Each job gets a fresh service, so the only cache a second build can hit is the registry's.
import { describe, expect, it } from 'vitest'
import { stackEnv } from '../../scripts/lib/e2e-stack.js'
import {
  expectCacheHitScenario,
  expectDefaultsScenario,
  expectTagScenario,
  repositoryOf,
  runPassing,
} from './lib/builder-scenarios.js'
import { buildkitSteps } from './lib/cache-report.js'
import { proxyLogSince, proxyLogSize } from './lib/proxy.js'
import { listTags, manifestDigest } from './lib/registry.js'

describe('buildx-cache', () => {
  it('defaults (dind with TLS, docker-container builder): pushes :latest, the tag names the dotenv digest, the cache is written for the branch', async () => {
    const { repo, run } = await expectDefaultsScenario('test/pipelines/buildx-cache/defaults.gitlab-ci.yml')
    expect(await listTags(`${repo}/cache`)).toEqual(['main'])
    // The builder the job made ran in the service's daemon, from the BuildKit image the input names.
    expect(run.jobLog('build')).toMatch(/docker-container/)
  })

  it('builder docker: the dind daemon builds with its containerd image store and serves every step from the registry cache', async () => {
    const run = await expectCacheHitScenario(
      'test/pipelines/buildx-cache/docker-builder.gitlab-ci.yml',
      buildkitSteps,
    )
    const repo = repositoryOf('test/pipelines/buildx-cache/docker-builder.gitlab-ci.yml')
    expect(await manifestDigest(repo, 'latest')).toBe(run.dotenv('build-warm').IMAGE_DIGEST)
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest, and does not write the cache', async () => {
    const { repo } = await expectTagScenario('test/pipelines/buildx-cache/tag.gitlab-ci.yml')
    expect(await listTags(`${repo}/cache`)).toEqual([])
  })

  it('cache hit: a second build on a fresh runner serves every step from the registry cache', async () => {
    await expectCacheHitScenario('test/pipelines/buildx-cache/cache-hit.gitlab-ci.yml', buildkitSteps)
  })

  it('secrets: the RUN step sees the BuildKit secret, no layer and no log holds its value', async () => {
    const secret = `canary-build-secret-${Date.now()}`
    const { run, repo } = await runPassing(
      'test/pipelines/buildx-cache/secrets.gitlab-ci.yml',
      ['build', 'verify:image', 'verify:secret'],
      {
        variables: { E2E_BUILD_SECRET: secret },
      },
    )
    expect(await manifestDigest(repo, 'latest')).toBe(run.dotenv('build').IMAGE_DIGEST)
    expect(run.allText.includes(secret), 'the secret appears in a log').toBe(false)
  })

  it('proxy build args: the RUN step reaches a target that answers only through the proxy', async () => {
    const before = proxyLogSize()
    // A path of this test's own, so a proxy request of another test running meanwhile cannot stand in for it.
    const target = `${stackEnv().E2E_PROXY_TARGET}buildx-${Date.now()}`
    const { run, repo } = await runPassing(
      'test/pipelines/buildx-cache/proxy-build-args.gitlab-ci.yml',
      ['build', 'verify:image'],
      { variables: { TEST_PROXY_TARGET: target } },
    )
    expect(proxyLogSince(before)).toContain(`GET ${target}`)
    expect(await manifestDigest(repo, 'latest')).toBe(run.dotenv('build').IMAGE_DIGEST)
  })
})
