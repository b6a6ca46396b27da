// buildkit as GitLab runs it: the job in the rootless BuildKit image (user 1000, rootlesskit, newuidmap), the
// daemon started for the job by buildctl-daemonless.sh, no service and no --privileged. The runner adds only a
// seccomp profile: Docker's default plus the system calls for user and mount namespaces (buildkitRunner, and
// templates/buildkit/README.md for what each runner type must allow). Each job is a fresh container, so the only
// cache a second build can hit is the registry's.
import { describe, expect, it } from 'vitest'
import {
  expectCacheHitScenario,
  expectDefaultsScenario,
  expectTagScenario,
  runPassing,
} from './lib/builder-scenarios.js'
import { buildkitSteps } from './lib/cache-report.js'
import { buildkitRunner, workspace } from './lib/local.js'
import { runScenario, tail } from './lib/pipeline.js'
import { getManifest, listTags, manifestDigest } from './lib/registry.js'

const PROCESS_SANDBOX = 'test/pipelines/buildkit/process-sandbox.gitlab-ci.yml'
const stepPid = (log: string) => /RUN step shell pid: (\d+)/.exec(log)?.[1]
/** test/fixtures/Dockerfile.sandbox ran to its end and found neither the job's environment nor its files. */
function expectStepIsolated(log: string) {
  expect(log).toContain("the probe reads the step's own environment")
  expect(log).toMatch(/looked through \d+ processes/)
  // (The step's command line, in the log too, holds these words followed by `$p`, not a path.)
  expect(log).not.toMatch(/(job environment readable|job files reachable) through \/proc\/\d/)
}

describe('buildkit', () => {
  it('defaults: rootless as uid 1000, pushes :latest with a provenance attestation, the tag names the dotenv digest, the cache is written for the branch', async () => {
    const { repo, run, digest } = await expectDefaultsScenario(
      'test/pipelines/buildkit/defaults.gitlab-ci.yml',
      buildkitRunner(),
    )
    const log = run.jobLog('build')
    expect(log).toContain('buildkitd runs as uid 1000 with flags: --config ')
    expect(log).toMatch(/--oci-worker-no-process-sandbox/)
    // The private CA reached buildkitd through the job's buildkitd.toml, and the login was checked first.
    expect(log).toMatch(/trusting the private CA for: registry\.e2e\.test:5443\n/)
    expect(log).toMatch(/registry login to \S+ as e2e accepted/)
    expect(await listTags(`${repo}/cache`)).toEqual(['main'])
    // `provenance: min` (the default): an index holding the image and its attestation manifest.
    const index = (await getManifest(repo, 'latest'))?.body as {
      manifests?: { annotations?: Record<string, string>; platform?: { os: string } }[]
    }
    expect(
      index.manifests?.map((m) => m.annotations?.['vnd.docker.reference.type'] ?? m.platform?.os),
    ).toEqual(['linux', 'attestation-manifest'])
    expect(digest).toBe(await manifestDigest(repo, 'latest'))
  })

  it('tag pipeline: pushes :<tag> and the extra tags, not :latest, and does not write the cache', async () => {
    const { repo } = await expectTagScenario('test/pipelines/buildkit/tag.gitlab-ci.yml', buildkitRunner())
    expect(await listTags(`${repo}/cache`)).toEqual([])
  })

  it('cache hit: a second build in a fresh container serves every step from the registry cache', async () => {
    const run = await expectCacheHitScenario(
      'test/pipelines/buildkit/cache-hit.gitlab-ci.yml',
      buildkitSteps,
      buildkitRunner(),
    )
    // The probe: the cold build ran `sleep 5`, the warm one took its layer from the registry.
    const slow = (job: string) =>
      buildkitSteps(run.jobLog(job)).find((step) => step.instruction.startsWith('RUN sleep 5'))
    expect(slow('build-cold')?.cached).toBe(false)
    expect(slow('build-warm')?.cached).toBe(true)
  })

  it('secrets: the RUN step sees the BuildKit secret, no layer and no log holds its value', async () => {
    const secret = `canary-build-secret-${Date.now()}`
    const { run, repo } = await runPassing(
      'test/pipelines/buildkit/secrets.gitlab-ci.yml',
      ['build', 'verify:image', 'verify:secret'],
      { variables: { E2E_BUILD_SECRET: secret }, ...buildkitRunner() },
    )
    expect(await manifestDigest(repo, 'latest')).toBe(run.dotenv('build').IMAGE_DIGEST)
    expect(run.allText.includes(secret), 'the secret appears in a log').toBe(false)
  })

  it('process_sandbox true: with /proc unmasked (as systempaths=unconfined leaves it) each RUN step has a PID namespace of its own', async () => {
    const { run } = await runPassing(PROCESS_SANDBOX, ['build', 'verify:image'], {
      variables: { E2E_JOB_CANARY: 'job-only' },
      ...buildkitRunner({ unmaskedSystemPaths: true }),
    })
    const log = run.jobLog('build')
    expect(log).not.toMatch(/--oci-worker-no-process-sandbox/)
    expect(stepPid(log)).toBe('1')
    expectStepIsolated(log)
  })

  it('process_sandbox false (the default): the RUN step shares the PID namespace, yet cannot read the job’s environment or files', async () => {
    const { run } = await runPassing(PROCESS_SANDBOX, ['build'], {
      variables: { E2E_JOB_CANARY: 'job-only' },
      ...buildkitRunner(),
      inputOverrides: { buildkit: { process_sandbox: false } },
    })
    const log = run.jobLog('build')
    const pid = stepPid(log)
    expect(pid, log).toMatch(/^\d+$/)
    expect(pid).not.toBe('1')
    // It sees the job's processes (buildctl-daemonless.sh, buildkitd, the job's shell) ...
    expect(Number(/looked through (\d+) processes/.exec(log)?.[1])).toBeGreaterThan(3)
    // ... but the kernel keeps their environment and root out of reach of a process in a user namespace below.
    expectStepIsolated(log)
  })

  it('process_sandbox true on a runner that masks /proc: the RUN step fails, naming the /proc mount', async () => {
    const run = await runScenario(workspace(), { scenario: PROCESS_SANDBOX, ...buildkitRunner() })
    expect(run.status('build'), tail(run)).toBe('failed')
    expect(run.jobLog('build')).toMatch(
      /error mounting \\?"proc\\?" to rootfs at \\?"\/proc\\?".*operation not permitted/,
    )
  })

  it("Docker's default seccomp profile is not enough: the job fails before building and says why", async () => {
    const run = await runScenario(workspace(), { scenario: 'test/pipelines/buildkit/defaults.gitlab-ci.yml' })
    const log = run.jobLog('build')
    expect(run.status('build'), tail(run)).toBe('failed')
    expect(log).toMatch(
      /\[rootlesskit:parent\] error: failed to start the child: fork\/exec \/proc\/self\/exe: operation not permitted/,
    )
    expect(log).toContain('ERROR: buildkitd did not start')
    expect(log).not.toMatch(/#\d+ \[internal\] load build definition/)
  })
})
