// cosign-sign scenarios: a buildx-cache build hands IMAGE_REF to cosign-sign through its dotenv report; the
// signature is then checked from outside the pipeline with `cosign verify`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stackEnv } from '../../scripts/lib/e2e-stack.js'
import { expectNoRegistryPassword, localInputs, workspace } from './lib/local.js'
import { runPipeline, tail } from './lib/pipeline.js'
import { cosignVerifyKey } from './lib/registry.js'

const inputOverrides = localInputs
let keys: { dir: string; privateKey: string; publicKeyFile: string; password: string }

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-e2e-cosign-'))
  const password = `canary-key-password-${Date.now()}`
  const stack = stackEnv()
  execFileSync('cosign', ['generate-key-pair'], {
    cwd: dir,
    env: { ...process.env, PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}`, COSIGN_PASSWORD: password },
    stdio: 'ignore',
  })
  keys = {
    dir,
    privateKey: readFileSync(join(dir, 'cosign.key'), 'utf8'),
    publicKeyFile: join(dir, 'cosign.pub'),
    password,
  }
})
afterAll(() => rmSync(keys.dir, { recursive: true, force: true }))

const keyVariables = () => ({
  // The private key as PEM text (a plain variable), the public key as a path (a file variable).
  COSIGN_PRIVATE_KEY: keys.privateKey,
  COSIGN_PASSWORD: keys.password,
  COSIGN_PUBLIC_KEY: keys.publicKeyFile,
})

describe('cosign-sign', () => {
  it('key mode: signs the digest the build reported, with the pipeline annotations; the signature verifies', async () => {
    const ws = workspace()
    const run = await runPipeline(ws, {
      scenario: 'test/pipelines/cosign-sign/key.gitlab-ci.yml',
      variables: keyVariables(),
      inputOverrides,
    })
    for (const job of ['build', 'sign', 'verify:signature']) expect(run.status(job), tail(run)).toBe('passed')
    const { IMAGE_REF } = run.dotenv('build')
    expect(IMAGE_REF).toMatch(/@sha256:[0-9a-f]{64}$/)
    const payloads = await cosignVerifyKey(
      IMAGE_REF as string,
      keys.publicKeyFile,
      [],
      stackEnv().E2E_DOCKER_CONFIG,
    )
    expect(payloads.length).toBeGreaterThan(0)
    expect(payloads[0]).toMatchObject({
      'com.gitlab.ci.commit.sha': ws.sha,
      'org.opencontainers.image.revision': ws.sha,
      'com.gitlab.ci.project.path': 'catalog/container-build-catalog',
      tag: 'latest',
    })
    expect(run.allText.includes(keys.password), 'the key password appears in a log').toBe(false)
    expect(
      run.allText.includes(keys.privateKey.split('\n')[1] as string),
      'the private key appears in a log',
    ).toBe(false)
    expectNoRegistryPassword(run)
  })

  it('key mode, OCI 1.1 referrers: the signature is attached as a referrer and verifies with --experimental-oci11', async () => {
    const ws = workspace()
    const run = await runPipeline(ws, {
      scenario: 'test/pipelines/cosign-sign/key-oci11.gitlab-ci.yml',
      variables: keyVariables(),
      inputOverrides,
    })
    for (const job of ['build', 'sign', 'verify:signature']) expect(run.status(job), tail(run)).toBe('passed')
    const { IMAGE_REF } = run.dotenv('build')
    const payloads = await cosignVerifyKey(
      IMAGE_REF as string,
      keys.publicKeyFile,
      ['--experimental-oci11'],
      stackEnv().E2E_DOCKER_CONFIG,
    )
    expect(payloads[0]).toMatchObject({ 'com.gitlab.ci.commit.sha': ws.sha })
  })

  it('keyless mode: signs through public Sigstore with a GitLab OIDC token (where both exist)', async (context) => {
    // gitlab-ci-local mints no id_tokens: a local keyless run needs a real token from a GitLab job.
    const token = process.env.SIGSTORE_ID_TOKEN
    if (!token) {
      console.log(
        'SKIP cosign-sign/keyless: no SIGSTORE_ID_TOKEN (a GitLab OIDC token with aud sigstore) given',
      )
      return context.skip()
    }
    // Only with a token deliberately given do we look for Sigstore's public services at all.
    const reachable = await fetch('https://fulcio.sigstore.dev/api/v2/configuration', {
      signal: AbortSignal.timeout(5000),
    }).then(
      (response) => response.ok,
      () => false,
    )
    if (!reachable) {
      console.log(
        'SKIP cosign-sign/keyless: Sigstore public services (fulcio.sigstore.dev) are unreachable from here',
      )
      return context.skip()
    }
    const ws = workspace()
    const run = await runPipeline(ws, {
      scenario: 'test/pipelines/cosign-sign/keyless.gitlab-ci.yml',
      variables: { SIGSTORE_ID_TOKEN: token },
      inputOverrides,
    })
    for (const job of ['build', 'sign', 'verify:signature']) expect(run.status(job), tail(run)).toBe('passed')
  })
})
