// Questions the suite asks the registry and the tools directly (not the job logs): which tags exist, which
// digest a tag names, which labels an image carries, whether a signature verifies.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'

const run = promisify(execFile)

function env() {
  const stack = stackEnv()
  return { ...process.env, PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}` }
}

function creds(): string {
  const stack = stackEnv()
  return `${stack.E2E_REGISTRY_USER}:${stack.E2E_REGISTRY_PASSWORD}`
}

async function registryGet(path: string, accept?: string): Promise<{ status: number; body: string }> {
  const stack = stackEnv()
  const args = ['-s', '-w', '\n%{http_code}', '--cacert', stack.E2E_CA_FILE, '--config', '-']
  if (accept) args.push('-H', `Accept: ${accept}`)
  args.push(`https://${stack.E2E_REGISTRY}${path}`)
  // Credentials through curl's config on stdin, not the command line.
  const child = execFile('curl', args, { env: env(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  child.stdin?.end(`user = "${creds()}"\n`)
  const out = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (chunk: string) => {
      text += chunk
    })
    child.on('error', reject)
    child.on('close', () => resolve(text))
  })
  const cut = out.lastIndexOf('\n')
  return { status: Number(out.slice(cut + 1)), body: out.slice(0, cut) }
}

const repoPath = (repository: string) => repository.slice(repository.indexOf('/') + 1)

/** Tags of a repository, [] when the repository does not exist. */
export async function listTags(repository: string): Promise<string[]> {
  const { status, body } = await registryGet(`/v2/${repoPath(repository)}/tags/list`)
  if (status === 404) return []
  if (status !== 200) throw new Error(`tags/list ${repository}: HTTP ${status} ${body}`)
  return ((JSON.parse(body) as { tags?: string[] | null }).tags ?? []).sort()
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ')

/** The digest of the manifest a tag names, computed from the bytes the registry serves. */
export async function manifestDigest(repository: string, tag: string): Promise<string | undefined> {
  const { status, body } = await registryGet(`/v2/${repoPath(repository)}/manifests/${tag}`, MANIFEST_TYPES)
  if (status === 404) return undefined
  if (status !== 200) throw new Error(`manifest ${repository}:${tag}: HTTP ${status} ${body}`)
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

/** A manifest as the registry serves it (by tag or digest): its media type, parsed body and computed digest. */
export async function getManifest(
  repository: string,
  reference: string,
): Promise<{ mediaType: string; digest: string; body: Record<string, unknown> } | undefined> {
  const { status, body } = await registryGet(
    `/v2/${repoPath(repository)}/manifests/${reference}`,
    MANIFEST_TYPES,
  )
  if (status === 404) return undefined
  if (status !== 200) throw new Error(`manifest ${repository}:${reference}: HTTP ${status} ${body}`)
  const parsed = JSON.parse(body) as Record<string, unknown>
  return {
    mediaType: String(parsed.mediaType ?? ''),
    digest: `sha256:${createHash('sha256').update(body).digest('hex')}`,
    body: parsed,
  }
}

/**
 * One platform of a reference as skopeo resolves it (`skopeo copy --override-os/--override-arch` out of the
 * registry): the digest of the manifest it picked, the platform its config names, and the ELF machine of the file
 * at `path` in its layers (`EM_X86_64` 0x3e, `EM_AARCH64` 0xb7), which shows what the image really holds.
 */
export async function platformImage(
  reference: string,
  os: string,
  arch: string,
  path: string,
): Promise<{ digest: string; os: string; architecture: string; elfMachine: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'catalog-e2e-platform-'))
  try {
    await run(
      'skopeo',
      ['copy', '--override-os', os, '--override-arch', arch, '--src-creds', creds()].concat([
        `docker://${reference}`,
        `dir:${dir}`,
      ]),
      { env: env(), maxBuffer: 16 * 1024 * 1024 },
    )
    const manifestBytes = await readFile(join(dir, 'manifest.json'))
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as {
      config: { digest: string }
      layers: { digest: string }[]
    }
    const blob = (digest: string) => join(dir, digest.replace(/^sha256:/, ''))
    const config = JSON.parse(await readFile(blob(manifest.config.digest), 'utf8')) as {
      os: string
      architecture: string
    }
    // The last layer holding the file wins, as in the image's filesystem.
    let header: Buffer | undefined
    for (const layer of manifest.layers) {
      const listed = await run('tar', ['-tf', blob(layer.digest)], { maxBuffer: 64 * 1024 * 1024 })
      const member = listed.stdout.split('\n').find((name) => name.replace(/^\.\//, '') === path)
      if (!member) continue
      const { stdout } = await run('tar', ['-xOf', blob(layer.digest), member], {
        encoding: 'buffer',
        maxBuffer: 64 * 1024 * 1024,
      })
      header = stdout.subarray(0, 20)
    }
    if (header?.toString('latin1', 1, 4) !== 'ELF' || !header)
      throw new Error(`${path} is not an ELF file in ${reference} (${os}/${arch})`)
    return {
      digest: `sha256:${createHash('sha256').update(manifestBytes).digest('hex')}`,
      os: config.os,
      architecture: config.architecture,
      elfMachine: header.readUInt16LE(18),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** An image's config labels, read with skopeo (for an index: the linux/amd64 image). */
export async function imageLabels(reference: string): Promise<Record<string, string>> {
  const { stdout } = await run(
    'skopeo',
    [
      'inspect',
      '--override-os',
      'linux',
      '--override-arch',
      'amd64',
      '--creds',
      creds(),
      `docker://${reference}`,
    ],
    { env: env(), maxBuffer: 16 * 1024 * 1024 },
  )
  return (JSON.parse(stdout) as { Labels?: Record<string, string> | null }).Labels ?? {}
}

/**
 * `cosign verify` with a public key, from outside the pipeline: the given cosign image (3 or 2) on the stack's
 * daemon, so that nothing it looks up (public Sigstore's TUF repository) leaves the test network. Returns the
 * verified payloads' annotations, or the error cosign printed.
 */
export async function cosignVerifyKey(
  image: string,
  reference: string,
  publicKeyFile: string,
  options: {
    trustedRoot?: string
    rekorPublicKey?: string
    tlog?: boolean
    /** Annotations the signature must carry (`-a key=value`). */
    annotations?: Record<string, string>
  } = {},
): Promise<{ ok: true; annotations: Record<string, string>[] } | { ok: false; error: string }> {
  const stack = stackEnv()
  // With a trusted root or a Rekor key (cosign 2's only way for legacy signatures), the transparency log entry is
  // checked against it (unless `tlog: false`: cosign 2.6 needs a trusted root for any bundle); without either, the
  // signature alone.
  const tlogChecked = options.tlog ?? Boolean(options.trustedRoot || options.rekorPublicKey)
  const mounts: string[] = []
  const flags: string[] = []
  if (options.trustedRoot) {
    mounts.push('-v', `${options.trustedRoot}:/keys/trusted-root.json:ro`)
    flags.push('--trusted-root', '/keys/trusted-root.json')
  }
  if (options.rekorPublicKey) {
    mounts.push('-v', `${options.rekorPublicKey}:/keys/rekor.pub:ro`)
    mounts.push('-e', 'SIGSTORE_REKOR_PUBLIC_KEY=/keys/rekor.pub')
    flags.push('--rekor-url', stack.E2E_REKOR_V1_URL)
  }
  if (!tlogChecked) flags.push('--insecure-ignore-tlog=true')
  for (const [key, value] of Object.entries(options.annotations ?? {})) flags.push('-a', `${key}=${value}`)
  const args = [
    ...['run', '--rm', '--user', '0', '--entrypoint', '/ko-app/cosign'],
    ...[
      '-v',
      `${publicKeyFile}:/keys/cosign.pub:ro`,
      '-v',
      `${stack.E2E_CA_FILE}:/keys/ca.crt:ro`,
      ...mounts,
    ],
    ...['-v', `${stack.E2E_DOCKER_CONFIG}:/docker-config:ro`, '-e', 'DOCKER_CONFIG=/docker-config'],
    image,
    ...['verify', '--key', '/keys/cosign.pub', '--registry-cacert', '/keys/ca.crt', '--output', 'json'],
    ...flags,
    reference,
  ]
  const result = await run('docker', args, {
    env: { ...env(), DOCKER_HOST: stack.DOCKER_HOST },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout }) => ({ ok: true as const, stdout }),
    (error: { stderr?: string; message: string }) => ({
      ok: false as const,
      error: (error.stderr ?? error.message).trim(),
    }),
  )
  if (!result.ok) return result
  const payloads = JSON.parse(result.stdout) as { optional?: Record<string, string> }[]
  return { ok: true, annotations: payloads.map((p) => p.optional ?? {}) }
}
