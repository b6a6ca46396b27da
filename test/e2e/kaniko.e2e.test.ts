// kaniko and kaniko-proxy scenarios. Kaniko cannot be built here and no image can be pulled: they run when
// KANIKO_EXECUTOR_IMAGE names a kaniko *debug* executor image already in the stack's daemon (test/e2e/README.md
// says how to load one), and are skipped with that reason printed otherwise.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { stackEnv } from '../../scripts/lib/e2e-stack.js'
import { kanikoSteps } from './lib/cache-report.js'
import { dockerEnv } from './lib/docker.js'
import { expectNoRegistryPassword, registryImage, workspace } from './lib/local.js'
import { type RunOptions, runPipeline, tail } from './lib/pipeline.js'
import { proxyLogSince, proxyLogSize } from './lib/proxy.js'
import { listTags, manifestDigest } from './lib/registry.js'

function kanikoImage(): { image: string } | { skip: string } {
  const image = process.env.KANIKO_EXECUTOR_IMAGE
  if (!image) return { skip: 'KANIKO_EXECUTOR_IMAGE is not set (see test/e2e/README.md)' }
  try {
    execFileSync('docker', ['image', 'inspect', image], { env: dockerEnv(), stdio: 'ignore' })
    return { image }
  } catch {
    return {
      skip: `KANIKO_EXECUTOR_IMAGE=${image} is not in the stack's Docker daemon (see test/e2e/README.md)`,
    }
  }
}

const kaniko = kanikoImage()
if ('skip' in kaniko) console.log(`SKIP kaniko, kaniko-proxy: ${kaniko.skip}`)

function kanikoInputs(): RunOptions['inputOverrides'] {
  const stack = stackEnv()
  const image = 'image' in kaniko ? kaniko.image : ''
  // Plain kaniko has no CA input: trust the stack's CA for its registry the way kaniko documents it.
  const certificate = `--registry-certificate=${stack.E2E_REGISTRY}=${stack.E2E_CA_FILE}`
  return { kaniko: { image, extra_args: [certificate] }, 'kaniko-proxy': { image } }
}

/** The build job in kaniko's image, then the verify jobs in this machine's shell (skopeo is here). */
async function runKaniko(scenario: string, options: Partial<RunOptions> & { buildJobs?: string[] } = {}) {
  const ws = workspace()
  const buildJobs = options.buildJobs ?? ['build']
  const build = await runPipeline(ws, {
    scenario,
    executor: 'docker',
    jobs: buildJobs,
    inputOverrides: kanikoInputs(),
    ...options,
  })
  const verify = await runPipeline(ws, {
    scenario,
    jobs: ['verify:image'],
    inputOverrides: kanikoInputs(),
    ...options,
  })
  return { ws, build, verify }
}

const repository = (path: string) => `${registryImage()}/test/${path}`

describe.skipIf('skip' in kaniko)('kaniko', () => {
  it('defaults: pushes :latest, the tag names the dotenv digest', async () => {
    const { build, verify } = await runKaniko('test/pipelines/kaniko/defaults.gitlab-ci.yml')
    expect(build.status('build'), tail(build)).toBe('passed')
    expect(verify.status('verify:image'), tail(verify)).toBe('passed')
    expect(await manifestDigest(repository('kaniko/defaults'), 'latest')).toBe(
      build.dotenv('build').IMAGE_DIGEST,
    )
    expectNoRegistryPassword(build)
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest', async () => {
    const { ws, build, verify } = await runKaniko('test/pipelines/kaniko/tag.gitlab-ci.yml', {
      ref: { tag: 'v1.2.3' },
    })
    expect(build.status('build'), tail(build)).toBe('passed')
    expect(verify.status('verify:image'), tail(verify)).toBe('passed')
    expect(await listTags(repository('kaniko/tag'))).toEqual([ws.sha.slice(0, 8), 'stable', 'v1.2.3'].sort())
  })

  it('cache hit: the second build serves every RUN step from the registry cache', async () => {
    const { build, verify } = await runKaniko('test/pipelines/kaniko/cache-hit.gitlab-ci.yml', {
      buildJobs: ['build-cold', 'build-warm'],
    })
    expect(build.status('build-warm'), tail(build)).toBe('passed')
    expect(verify.status('verify:image'), tail(verify)).toBe('passed')
    const warm = kanikoSteps(build.jobLog('build-warm')).filter((step) => step.instruction.startsWith('RUN'))
    expect(warm.length).toBeGreaterThan(0)
    expect(warm.filter((step) => !step.cached)).toEqual([])
  })

  it('kaniko-proxy: registry traffic and the RUN step go through the proxy; the private CA is trusted', async () => {
    const before = proxyLogSize()
    const { build, verify } = await runKaniko('test/pipelines/kaniko-proxy/proxy.gitlab-ci.yml')
    expect(build.status('build'), tail(build)).toBe('passed')
    expect(verify.status('verify:image'), tail(verify)).toBe('passed')
    const log = proxyLogSince(before)
    expect(log).toContain(`GET ${stackEnv().E2E_PROXY_TARGET}`)
    expect(log).toContain(`CONNECT ${stackEnv().E2E_REGISTRY}`)
  })
})
