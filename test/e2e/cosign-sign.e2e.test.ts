// cosign-sign in the cosign `-dev` image, as its non-root user, fed by buildx-cache's dotenv report: key mode
// without a transparency log in both signature formats, with cosign 3 (the default) and cosign 2; with a
// transparency log, cosign 3's bundles in a real Rekor v2 and legacy signatures, from cosign 3 and cosign 2, in a
// real Rekor v1 (both run by the stack). Each
// signature is verified in the job, by the scenario's verify job, and again from outside with both cosign
// versions, which shows what each can see.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { localImageTags, stackEnv } from '../../scripts/lib/e2e-stack.js'
import { paths } from '../../scripts/lib/stack-layout.js'
import { runPassing } from './lib/builder-scenarios.js'
import { secretsInLog, useCosignKeys, keyVariables as variablesOf } from './lib/cosign-keys.js'
import { expectNoRegistryPassword, workspace } from './lib/local.js'
import { runScenario, tail } from './lib/pipeline.js'
import { cosignVerifyKey, listTags } from './lib/registry.js'

const cosignKeys = useCosignKeys()
// What cosign 2 and cosign 3 say when no Rekor key given is the one whose log signed the entry (a log's ID is its
// key's hash).
const REKOR_KEY_REFUSED = /verifying bundle: rekor log public key not found for payload/
const keyVariables = () => variablesOf(cosignKeys())

const signed = async (scenario: string, cosignImage?: string) => {
  const { ws, run, repo } = await runPassing(scenario, ['build', 'sign', 'verify:signature'], {
    variables: keyVariables(),
    ...(cosignImage ? { inputOverrides: { 'cosign-sign': { image: cosignImage } } } : {}),
  })
  const reference = run.dotenv('build').IMAGE_REF as string
  expect(reference).toMatch(/@sha256:[0-9a-f]{64}$/)
  expect(secretsInLog(run.allText, cosignKeys())).toEqual([])
  expectNoRegistryPassword(run)
  return { ws, run, repo, reference, digest: reference.split('@')[1] as string }
}

const pipelineAnnotations = (sha: string) => ({
  'com.gitlab.ci.commit.sha': sha,
  'org.opencontainers.image.revision': sha,
  'com.gitlab.ci.project.path': 'catalog/container-build-catalog',
  tag: 'latest',
})

describe('cosign-sign', () => {
  it('key mode, cosign 3, bundle format: a Sigstore bundle as a referrer; cosign 3 verifies it, cosign 2.6 only with a trusted root', async () => {
    const { ws, run, repo, reference, digest } = await signed('test/pipelines/cosign-sign/key.gitlab-ci.yml')
    expect(run.jobLog('sign')).toMatch(/cosign 3\.\d+\.\d+, signature format bundle, transparency log: false/)
    // distribution has no referrers API: cosign 3 falls back to the `sha256-<digest>` tag, not `.sig`.
    expect(await listTags(repo)).toEqual(['latest', digest.replace(':', '-')].sort())
    const v3 = await cosignVerifyKey(localImageTags().cosign, reference, cosignKeys().publicKeyFile)
    expect(v3.ok && v3.annotations[0]).toMatchObject({
      ...pipelineAnnotations(ws.sha),
      'com.example.query': 'a=b',
    })
    // cosign 2.6 reads the bundle, but only with trust material: offline, without a trusted root, it refuses.
    const v2 = await cosignVerifyKey(localImageTags().cosignV2, reference, cosignKeys().publicKeyFile)
    expect(v2.ok ? 'verified' : v2.error).toMatch(/trusted root is required when using new bundle format/)
    // With one it verifies the signature, but neither returns nor checks the bundle's annotations: a wrong
    // required annotation passes, where cosign 3 refuses it.
    const wrongTag = {
      trustedRoot: stackEnv().E2E_TRUSTED_ROOT,
      tlog: false,
      annotations: { tag: 'not-this-tag' },
    }
    const v2WithRoot = await cosignVerifyKey(
      localImageTags().cosignV2,
      reference,
      cosignKeys().publicKeyFile,
      wrongTag,
    )
    expect(v2WithRoot).toEqual({ ok: true, annotations: [{}] })
    const v3Wrong = await cosignVerifyKey(
      localImageTags().cosign,
      reference,
      cosignKeys().publicKeyFile,
      wrongTag,
    )
    expect(v3Wrong.ok ? 'verified' : v3Wrong.error).toMatch(/missing or incorrect annotation/)
  })

  it('key mode, cosign 3, with a transparency log: recorded in the local Rekor v2 and verified with its inclusion proof by cosign 3 and 2.6; a trust root with another log key refuses it', async () => {
    const stack = stackEnv()
    const treeSize = () => Number(readFileSync(`${paths.rekorStorage}/checkpoint`, 'utf8').split('\n')[1])
    const before = treeSize()
    const { ws, run, reference } = await signed('test/pipelines/cosign-sign/key-tlog.gitlab-ci.yml')
    expect(run.jobLog('sign')).toMatch(/cosign 3\.\d+\.\d+, signature format bundle, transparency log: true/)
    expect(run.jobLog('verify:signature')).toContain('(transparency log: true)')
    // Rekor publishes a checkpoint every second: wait for the one that counts this entry.
    await expect.poll(treeSize, { timeout: 10_000 }).toBeGreaterThan(before)
    const verified = await cosignVerifyKey(localImageTags().cosign, reference, cosignKeys().publicKeyFile, {
      trustedRoot: stack.E2E_TRUSTED_ROOT,
    })
    expect(verified.ok && verified.annotations[0]).toMatchObject(pipelineAnnotations(ws.sha))
    // cosign 2.6 checks the bundle and its log entry against the same trusted root (it shows no annotations).
    const v2 = await cosignVerifyKey(localImageTags().cosignV2, reference, cosignKeys().publicKeyFile, {
      trustedRoot: stack.E2E_TRUSTED_ROOT,
    })
    expect(v2.ok ? 'verified' : v2.error).toBe('verified')
    const otherRoot = join(cosignKeys().dir, 'other-trusted-root.json')
    const otherKey = join(cosignKeys().dir, 'other-rekor.pem')
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', otherKey])
    execFileSync('openssl', ['pkey', '-in', otherKey, '-pubout', '-out', `${otherKey}.pub`])
    execFileSync(
      'cosign',
      [
        'trusted-root',
        'create',
        `--rekor=url=${stack.E2E_REKOR_URL},public-key=${otherKey}.pub,start-time=2026-01-01T00:00:00Z,origin=rekor.e2e.test`,
        '--out',
        otherRoot,
      ],
      {
        env: { ...process.env, PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}` },
      },
    )
    const refused = await cosignVerifyKey(localImageTags().cosign, reference, cosignKeys().publicKeyFile, {
      trustedRoot: otherRoot,
    })
    expect(refused.ok ? 'verified' : refused.error).toMatch(/failed to verify log inclusion/)
  })

  it('key mode, cosign 3, legacy format: a `.sig` tag that both cosign 3 and cosign 2 verify', async () => {
    const { ws, repo, reference, digest } = await signed(
      'test/pipelines/cosign-sign/key-legacy.gitlab-ci.yml',
    )
    expect(await listTags(repo)).toEqual(['latest', `${digest.replace(':', '-')}.sig`].sort())
    for (const image of [localImageTags().cosign, localImageTags().cosignV2]) {
      const verified = await cosignVerifyKey(image, reference, cosignKeys().publicKeyFile)
      expect(verified.ok && verified.annotations[0], image).toMatchObject(pipelineAnnotations(ws.sha))
    }
  })

  it('key mode, cosign 2, legacy format: signs and verifies in cosign 2.x; cosign 3 verifies it too', async () => {
    const { ws, run, reference } = await signed(
      'test/pipelines/cosign-sign/key-legacy.gitlab-ci.yml',
      localImageTags().cosignV2,
    )
    expect(run.jobLog('sign')).toMatch(/cosign 2\.\d+\.\d+, signature format legacy/)
    for (const image of [localImageTags().cosign, localImageTags().cosignV2]) {
      const verified = await cosignVerifyKey(image, reference, cosignKeys().publicKeyFile)
      expect(verified.ok && verified.annotations[0], image).toMatchObject(pipelineAnnotations(ws.sha))
    }
  })

  // Rekor v1's log info (its tree size grows with each entry); the stack's Rekor v1 answers the host directly.
  const rekorV1TreeSize = async () => {
    const response = await fetch(`${stackEnv().E2E_REKOR_V1_URL}/api/v1/log`)
    return ((await response.json()) as { treeSize: number }).treeSize
  }

  it.each([
    [
      'cosign 2',
      () => localImageTags().cosignV2,
      /cosign 2\.\d+\.\d+, signature format legacy, transparency log: true/,
    ],
    ['cosign 3', () => undefined, /cosign 3\.\d+\.\d+, signature format legacy, transparency log: true/],
  ])(
    'key mode, %s, legacy format, with a transparency log: recorded in the local Rekor v1 and verified with its key by cosign 2 and 3; another Rekor key refuses it',
    async (_name, cosignImage, versionLine) => {
      const stack = stackEnv()
      const before = await rekorV1TreeSize()
      const { ws, run, repo, reference, digest } = await signed(
        'test/pipelines/cosign-sign/key-legacy-tlog.gitlab-ci.yml',
        cosignImage(),
      )
      expect(run.jobLog('sign')).toMatch(versionLine)
      expect(run.jobLog('sign')).toContain(`transparency log: the Rekor at ${stack.E2E_REKOR_V1_URL}`)
      expect(run.jobLog('sign')).toContain(
        'Existence of the claims in the transparency log was verified offline',
      )
      expect(run.jobLog('verify:signature')).toContain('(transparency log: true)')
      // Both cases push to the scenario's one repository: each finds its own digest's signature tag there.
      expect(await listTags(repo)).toContain(`${digest.replace(':', '-')}.sig`)
      // Rekor v1 returns the entry once Trillian has sequenced it, so the tree has grown by now.
      expect(await rekorV1TreeSize()).toBeGreaterThan(before)
      for (const image of [localImageTags().cosign, localImageTags().cosignV2]) {
        const verified = await cosignVerifyKey(image, reference, cosignKeys().publicKeyFile, {
          rekorPublicKey: stack.E2E_REKOR_V1_PUBLIC_KEY,
        })
        expect(verified.ok && verified.annotations[0], image).toMatchObject(pipelineAnnotations(ws.sha))
      }
      const otherKey = join(cosignKeys().dir, 'other-rekor-v1.pem')
      execFileSync('openssl', [
        'genpkey',
        '-algorithm',
        'EC',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-out',
        otherKey,
      ])
      execFileSync('openssl', ['pkey', '-in', otherKey, '-pubout', '-out', `${otherKey}.pub`])
      for (const image of [localImageTags().cosign, localImageTags().cosignV2]) {
        const refused = await cosignVerifyKey(image, reference, cosignKeys().publicKeyFile, {
          rekorPublicKey: `${otherKey}.pub`,
        })
        expect(refused.ok ? 'verified' : refused.error, image).toMatch(REKOR_KEY_REFUSED)
      }
    },
  )

  it.each([
    [
      'rekor_url with the bundle format',
      () => ({ rekor_url: stackEnv().E2E_REKOR_V1_URL }),
      'ERROR: rekor_url and rekor_public_key are for signature_format: legacy; with bundle, signing_config names the Rekor and trusted_root holds its key',
    ],
    [
      'cosign 2 with the bundle format',
      () => ({ image: localImageTags().cosignV2 }),
      'ERROR: signature_format: bundle needs cosign 3 (the image has cosign 2.',
    ],
  ])('key mode, %s: the job refuses clearly before signing', async (_name, inputs, message) => {
    const run = await runScenario(workspace(), {
      scenario: 'test/pipelines/cosign-sign/key.gitlab-ci.yml',
      variables: keyVariables(),
      inputOverrides: { 'cosign-sign': inputs() },
    })
    expect(run.status('sign'), tail(run)).toBe('failed')
    expect(run.jobLog('sign')).toContain(message)
    expect(run.jobLog('sign')).not.toContain('Pushing signature')
  })

  it('keyless mode: signs through public Sigstore with a GitLab OIDC token (where both exist)', async (context) => {
    // This runner mints no id_tokens: a local keyless run needs a real token from a GitLab job.
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
    await runPassing(
      'test/pipelines/cosign-sign/keyless.gitlab-ci.yml',
      ['build', 'sign', 'verify:signature'],
      {
        variables: { SIGSTORE_ID_TOKEN: token },
      },
    )
  })
})
