// Faults and bad input, each against the real registry and tools, every job in its own image.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { stackEnv } from '../../scripts/lib/e2e-stack.js'
import { buildahRunner, buildkitRunner, registryImage, workspace } from './lib/local.js'
import { planLocalScenario, runScenario, tail } from './lib/pipeline.js'
import { imageLabels, listTags, manifestDigest } from './lib/registry.js'
import { PipelineConfigError } from './lib/render.js'

const faults = (name: string) => `test/e2e/pipelines/${name}.gitlab-ci.yml`
const repo = (path: string) => `${registryImage()}/faults/${path}`

/** A throw-away cosign key pair as the project variables cosign-sign reads in key mode. */
async function cosignKeyVariables() {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-e2e-cosign-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  execFileSync('cosign', ['generate-key-pair'], {
    cwd: dir,
    env: {
      ...process.env,
      PATH: `${stackEnv().E2E_PATH_PREPEND}:${process.env.PATH}`,
      COSIGN_PASSWORD: 'pw',
    },
    stdio: 'ignore',
  })
  return {
    COSIGN_PRIVATE_KEY: readFileSync(join(dir, 'cosign.key'), 'utf8'),
    COSIGN_PASSWORD: 'pw',
    COSIGN_PUBLIC_KEY: { value: readFileSync(join(dir, 'cosign.pub'), 'utf8'), file: true },
  }
}

/** Files a job left in its checkout with this name: the injection payloads `touch` one if they ever run. */
function canaries(buildsDir: string, name: string): string[] {
  return readdirSync(buildsDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith(name))
    .map((path) => join(buildsDir, path))
}

describe('faults', () => {
  it('cache reference missing: the first build succeeds and writes the cache', async () => {
    expect(await listTags(repo('cache-missing/buildx/cache'))).toEqual([])
    expect(await listTags(repo('cache-missing/buildah/cache'))).toEqual([])
    expect(await listTags(repo('cache-missing/buildkit/cache'))).toEqual([])
    const run = await runScenario(workspace(), { scenario: faults('cache-missing'), ...buildahRunner })
    for (const job of ['build-buildx', 'build-buildah', 'build-buildkit']) {
      expect(run.status(job), tail(run)).toBe('passed')
      const builder = job.replace('build-', '')
      expect(await manifestDigest(repo(`cache-missing/${builder}`), 'latest')).toBe(
        run.dotenv(job).IMAGE_DIGEST,
      )
      expect((await listTags(repo(`cache-missing/${builder}/cache`))).length).toBeGreaterThan(0)
    }
  })

  it('a warm build that did not use the cache: verify:cache-hit fails, naming the steps built again', async () => {
    const run = await runScenario(workspace(), { scenario: faults('cache-not-used'), ...buildkitRunner() })
    for (const job of ['build-cold', 'build-warm']) expect(run.status(job), tail(run)).toBe('passed')
    // Both logs were kept as artifacts and reached the verify job; the cold one shows the steps it ran.
    expect(run.jobLog('build-cold')).toMatch(/build-cold\.log: found/)
    expect(run.status('verify:cache-hit'), tail(run)).toBe('failed')
    const log = run.jobLog('verify:cache-hit')
    expect(log).toMatch(/^built\tRUN sleep 5 /m)
    expect(log).toContain(
      'VERIFY FAILED: the warm build did not take these steps from the cache: RUN sleep 5 && mkdir -p /out',
    )
  })

  it('cache registry unreachable: the build still succeeds and pushes', async () => {
    const run = await runScenario(workspace(), {
      scenario: faults('cache-unreachable'),
      variables: { E2E_UNREACHABLE_REGISTRY: stackEnv().E2E_UNREACHABLE_REGISTRY },
      ...buildahRunner,
    })
    for (const job of ['build-buildx', 'build-buildah', 'build-buildkit']) {
      expect(run.status(job), `${job}\n${run.jobLog(job).slice(-3000)}`).toBe('passed')
      const builder = job.replace('build-', '')
      expect(await manifestDigest(repo(`cache-unreachable/${builder}`), 'latest')).toBe(
        run.dotenv(job).IMAGE_DIGEST,
      )
    }
  })

  it('wrong registry password: each job fails at login with a clear error, pushes nothing, never prints it', async () => {
    const canary = `canary-wrong-password-${Date.now()}`
    const run = await runScenario(workspace(), {
      scenario: faults('wrong-password'),
      variables: { CI_REGISTRY_PASSWORD: canary },
      ...buildahRunner,
    })
    expect(run.exitCode).not.toBe(0)
    for (const job of ['build-buildx', 'build-buildah', 'build-buildkit']) {
      const log = run.jobLog(job)
      expect(run.status(job), tail(run)).toBe('failed')
      expect(log).toMatch(/unauthorized|invalid username\/password|incorrect username or password/i)
      expect(log, 'the build started although the login failed').not.toMatch(
        /STEP 1\/|#\d+ \[internal\] load build/,
      )
      expect(await listTags(repo(`wrong-password/${job.replace('build-', '')}`))).toEqual([])
    }
    expect(run.allText.includes(canary), 'the canary password appears in a log').toBe(false)
  })

  it('inputs carrying shell metacharacters reach their commands as text and run nothing: the canary is never created', async () => {
    const ws = workspace()
    const run = await runScenario(ws, {
      scenario: faults('injection'),
      variables: await cosignKeyVariables(),
      ...buildahRunner,
    })
    expect(canaries(ws.builds, 'injection-canary'), 'an input ran as a command').toEqual([])
    // Each payload reached the command it was written for, as text.
    expect(run.status('inject-buildx-context'), tail(run)).toBe('failed')
    expect(run.jobLog('inject-buildx-context')).toMatch(
      /unable to prepare context: path "test\/fixtures\\"; touch injection-canary; echo/,
    )
    expect(run.status('inject-buildah-dockerfile'), tail(run)).toBe('failed')
    expect(run.jobLog('inject-buildah-dockerfile')).toContain("Dockerfile' ; touch injection-canary ; '")
    expect(run.status('inject-kaniko-extra-args'), tail(run)).toBe('passed')
    const kanikoLabels = await imageLabels(run.dotenv('inject-kaniko-extra-args').IMAGE_REF as string)
    expect(kanikoLabels['org.opencontainers.image.revision']).toBe(
      '$(touch injection-canary); `touch injection-canary`',
    )
    expect(run.status('inject-buildx-build-args'), tail(run)).toBe('passed')
    const labels = await imageLabels(run.dotenv('inject-buildx-build-args').IMAGE_REF as string)
    expect(labels['org.opencontainers.image.revision']).toBe(
      '$(touch injection-canary)`touch injection-canary`',
    )
    expect(run.status('inject-buildkit-build-args'), tail(run)).toBe('passed')
    const buildkitLabels = await imageLabels(run.dotenv('inject-buildkit-build-args').IMAGE_REF as string)
    expect(buildkitLabels['org.opencontainers.image.revision']).toBe(
      '$(touch injection-canary)`touch injection-canary`',
    )
    // The PEM-looking text became the CA file buildkitd trusts (as text: it is no certificate).
    expect(run.status('inject-buildkit-ca-certificate'), tail(run)).toBe('failed')
    expect(run.jobLog('inject-buildkit-ca-certificate')).toMatch(
      /x509: certificate signed by unknown authority[\s\S]*ERROR: could not check the registry login/,
    )
    expect(run.status('inject-cosign-annotations'), tail(run)).toBe('passed')
    expect(run.jobLog('inject-cosign-annotations')).toContain('"com.example.a":"$(touch injection-canary)"')
    expect(await listTags(repo('injection/buildx-context'))).toEqual([])
    expect(await listTags(repo('injection/buildah-dockerfile'))).toEqual([])
    expect(await listTags(repo('injection/buildkit-ca-certificate'))).toEqual([])
  })

  it('a variable whose value looks like list syntax stays inside its one list item, for every builder', async () => {
    const evil = 'x","BASE_IMAGE=evil.example/pwn'
    const run = await runScenario(workspace(), {
      scenario: faults('list-items'),
      variables: { EVIL_VALUE: evil },
      ...buildahRunner,
    })
    for (const builder of ['buildx', 'kaniko', 'buildah', 'buildkit']) {
      const job = `build-${builder}`
      expect(run.status(job), `${job}\n${run.jobLog(job).slice(-3000)}`).toBe('passed')
      const labels = await imageLabels(run.dotenv(job).IMAGE_REF as string)
      // One build argument, whole (split, BASE_IMAGE would have been evil.example/pwn and the build failed).
      // kaniko then drops the quotes when it evaluates the LABEL line, as its Dockerfile word parsing does.
      expect(labels['org.opencontainers.image.revision'], builder).toBe(
        builder === 'kaniko' ? evil.replaceAll('"', '') : evil,
      )
    }
  })

  it('buildah: a Dockerfile that fails on its own fails once, without a retry that blames the cache', async () => {
    const run = await runScenario(workspace(), { scenario: faults('broken-build'), ...buildahRunner })
    const log = run.jobLog('build-buildah')
    expect(run.status('build-buildah'), tail(run)).toBe('failed')
    expect(log).toContain('this step fails')
    expect(log).not.toContain('retrying without it')
    expect(
      log.match(/STEP \d+\/\d+: RUN echo "this step fails"/g)?.length,
      'the failing step ran more than once',
    ).toBe(1)
  })

  it.each([
    {
      file: 'invalid-input',
      message:
        '`templates/buildx-cache/template.yml`: `builder` input: `kubernetes` cannot be used because it is not in the list of allowed options',
    },
    {
      file: 'invalid-regex',
      message:
        '`templates/buildx-cache/template.yml`: `registry_password_variable` input: provided value does not match required RegEx pattern',
    },
  ])("$file: fails before any job starts, with GitLab's message", async ({ file, message }) => {
    const ws = workspace()
    await expect(planLocalScenario(ws, { scenario: faults(file) })).rejects.toThrow(
      new PipelineConfigError(message),
    )
    expect(readdirSync(ws.builds)).toEqual([])
    expect(await listTags(repo(file))).toEqual([])
  })
})
