// Questions the suite asks the registry and the tools directly (not the job logs): which tags exist, which
// digest a tag names, which labels an image carries, whether a signature verifies.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
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

/** The manifest (or index) a tag names, as JSON; undefined when the tag does not exist. */
export async function manifestOf(
  repository: string,
  tag: string,
): Promise<Record<string, unknown> | undefined> {
  const { status, body } = await registryGet(`/v2/${repoPath(repository)}/manifests/${tag}`, MANIFEST_TYPES)
  if (status === 404) return undefined
  if (status !== 200) throw new Error(`manifest ${repository}:${tag}: HTTP ${status} ${body}`)
  return JSON.parse(body) as Record<string, unknown>
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
  extra: string[] = [],
): Promise<{ ok: true; annotations: Record<string, string>[] } | { ok: false; error: string }> {
  const stack = stackEnv()
  const args = [
    ...['run', '--rm', '--user', '0', '--entrypoint', '/ko-app/cosign'],
    ...['-v', `${publicKeyFile}:/keys/cosign.pub:ro`, '-v', `${stack.E2E_CA_FILE}:/keys/ca.crt:ro`],
    ...['-v', `${stack.E2E_DOCKER_CONFIG}:/docker-config:ro`, '-e', 'DOCKER_CONFIG=/docker-config'],
    image,
    ...[
      'verify',
      '--key',
      '/keys/cosign.pub',
      '--insecure-ignore-tlog=true',
      '--registry-cacert',
      '/keys/ca.crt',
    ],
    ...['--output', 'json', ...extra, reference],
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
