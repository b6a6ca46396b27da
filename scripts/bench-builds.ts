// Measures each builder on the sample Dockerfile (test/fixtures/): a cold build, a warm rebuild after changing
// only the copied file, and a rebuild with no change, side by side in one run. Every build starts with empty
// local storage, as on a fresh CI runner, so cache hits come from the registry cache only. Prints wall times,
// warm/cold ratio and the share of layer steps (RUN/COPY/ADD) each builder reports as served from cache.
// Needs the local stack (`npx tsx scripts/e2e-stack.ts up`, started here if down). Kaniko runs when
// KANIKO_EXECUTOR_IMAGE names an executor image present in the local daemon.
// Usage: npm run bench:builds [-- --context <dir>] [--changed-file <path in context>] [--builders a,b]
// Leaves behind: images and caches under <registry>/bench/<run>/ in the local registry; temp dirs are removed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { $, argv, fs } from 'zx'
import { buildahSteps, buildkitSteps, kanikoSteps, type Step } from '../test/e2e/lib/cache-report.js'
import { stackEnv, up } from './lib/e2e-stack.js'
import { paths } from './lib/stack-layout.js'

$.verbose = false
$.quiet = true

const flags = argv as { context?: string; 'changed-file'?: string; builders?: string }
const repoRoot = new URL('..', import.meta.url).pathname
const fixture = flags.context ?? join(repoRoot, 'test/fixtures')

type Phase = 'cold' | 'warm' | 'no-change'
interface Measure {
  seconds: number
  steps: Step[]
}
interface Builder {
  name: string
  available(): Promise<string | true>
  /** Empties the builder's local storage so only the registry cache can serve hits. */
  reset(): Promise<void>
  /** `cache` is a repository without tag: buildah and kaniko tag it themselves. */
  build(context: string, image: string, cache: string): Promise<string>
  parse(log: string): Step[]
}

await up()
const stack = stackEnv()
const env = {
  ...process.env,
  PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}`,
  DOCKER_HOST: stack.DOCKER_HOST,
  DOCKER_CONFIG: paths.clientConfig,
}
const work = mkdtempSync(join(tmpdir(), 'catalog-bench-'))
const authFile = join(work, 'auth.json')
const run = `${Date.now().toString(36)}`
const baseImageArg = ['--build-arg', `BASE_IMAGE=${stack.E2E_BASE_IMAGE}`]

await $({
  env,
  input: stack.E2E_REGISTRY_PASSWORD,
})`docker login -u ${stack.E2E_REGISTRY_USER} --password-stdin ${stack.E2E_REGISTRY}`
await $({
  env,
  input: stack.E2E_REGISTRY_PASSWORD,
})`buildah login --authfile ${authFile} -u ${stack.E2E_REGISTRY_USER} --password-stdin ${stack.E2E_REGISTRY}`

/** Overlay storage leaves mounts under its root; they go before the directory does. */
async function removeStorage(root: string): Promise<void> {
  const mounts = (await fs.readFile('/proc/mounts', 'utf8'))
    .split('\n')
    .map((line: string) => line.split(' ')[1] ?? '')
    .filter((mount: string) => mount.startsWith(`${root}/`))
    .sort()
    .reverse()
  for (const mount of mounts) await $`umount -l ${mount}`.nothrow()
  await fs.remove(root)
}

function buildahBuilder(driver: 'vfs' | 'overlay'): Builder {
  const root = join(work, `buildah-${driver}`)
  const global = ['--root', join(root, 'root'), '--runroot', join(root, 'run'), '--storage-driver', driver]
  const buildEnv = { ...env, REGISTRY_AUTH_FILE: authFile, BUILDAH_ISOLATION: 'chroot' }
  return {
    name: `buildah (${driver})`,
    available: async () => ((await $`buildah --version`.nothrow()).ok ? true : 'buildah missing'),
    // Each build gets fresh storage, as a CI job does.
    reset: () => removeStorage(root),
    async build(context, image, cache) {
      const args = ['--layers', '--cache-from', cache, '--cache-to', cache, ...baseImageArg, '-t', image]
      const out = await $({ env: buildEnv })`buildah ${global} build ${args} ${context}`
      await $({ env: buildEnv })`buildah ${global} push ${image}`
      return out.stdout + out.stderr
    },
    parse: buildahSteps,
  }
}

const builders: Builder[] = [
  {
    name: 'buildx-cache',
    available: async () =>
      (await $({ env })`docker buildx version`.nothrow()).ok ? true : 'docker buildx missing',
    async reset() {
      await $({ env })`docker buildx prune --all --force`
      const images = (
        await $({ env })`docker images -q --filter ${`reference=${stack.E2E_REGISTRY}/bench/*/*/*`}`
      ).stdout
        .split('\n')
        .filter(Boolean)
      if (images.length > 0) await $({ env })`docker rmi --force ${[...new Set(images)]}`
    },
    async build(context, image, cache) {
      const cacheFrom = `type=registry,ref=${cache}:buildcache`
      const cacheTo = `type=registry,ref=${cache}:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true`
      const args = ['--progress=plain', '--push', '-t', image, ...baseImageArg, '--cache-from', cacheFrom]
      const out = await $({ env })`docker buildx build ${args} --cache-to ${cacheTo} ${context}`
      return out.stdout + out.stderr
    },
    parse: buildkitSteps,
  },
  // vfs is the component's default (works on any runner); overlay is what a privileged runner can use.
  buildahBuilder('vfs'),
  buildahBuilder('overlay'),
  {
    name: 'kaniko',
    async available() {
      const image = process.env.KANIKO_EXECUTOR_IMAGE
      if (!image) return 'KANIKO_EXECUTOR_IMAGE not set (see test/e2e/README.md)'
      return (await $({ env })`docker image inspect ${image}`.nothrow()).ok
        ? true
        : `${image} is not in the local daemon`
    },
    async reset() {},
    async build(context, image, cache) {
      const kaniko = process.env.KANIKO_EXECUTOR_IMAGE as string
      const mounts = [
        ['-v', `${context}:/workspace:ro`],
        ['-v', `${paths.clientConfig}/config.json:/kaniko/.docker/config.json:ro`],
        ['-v', `${stack.E2E_CA_FILE}:/kaniko/ssl/certs/e2e-ca.crt:ro`],
      ].flat()
      const args = [
        ...['--context', 'dir:///workspace', '--destination', image],
        ...['--registry-certificate', `${stack.E2E_REGISTRY}=/kaniko/ssl/certs/e2e-ca.crt`],
        ...['--cache=true', '--cache-repo', cache, ...baseImageArg],
      ]
      const out = await $({ env })`docker run --rm --network host ${mounts} ${kaniko} ${args}`
      return out.stdout + out.stderr
    },
    parse: kanikoSteps,
  },
]

async function changedFile(context: string): Promise<string> {
  if (flags['changed-file']) return flags['changed-file']
  const dockerfile = await fs.readFile(join(context, 'Dockerfile'), 'utf8')
  // The last COPY from the build context (no --from) names the file the tests change between builds.
  const copies = [...dockerfile.matchAll(/^COPY\s+(?!.*--from)(?:--\S+\s+)*(\S+)\s+\S+\s*$/gim)]
  const source = copies.at(-1)?.[1]
  if (!source || source.includes('*') || source === '.') {
    throw new Error('cannot tell which file the Dockerfile copies: pass --changed-file <path in context>')
  }
  return source
}

/** Layer steps written before the changed COPY: the ones a warm build can serve from cache. */
async function unchangedStepCount(context: string, changed: string): Promise<number> {
  const lines: string[] = (await fs.readFile(join(context, 'Dockerfile'), 'utf8')).split('\n')
  const copyAt = lines.findIndex((line) => /^COPY\s/i.test(line) && line.includes(changed))
  return lines.slice(0, copyAt).filter((line) => /^(RUN|COPY|ADD)\s/i.test(line)).length
}

let unchanged = 0
const results: Record<string, Partial<Record<Phase, Measure>> & { skipped?: string }> = {}
try {
  const selected = flags.builders?.split(',')
  for (const builder of builders.filter(
    (b) => !selected || selected.some((name) => b.name.startsWith(name)),
  )) {
    const availability = await builder.available()
    if (availability !== true) {
      results[builder.name] = { skipped: availability }
      console.log(`${builder.name}: skipped (${availability})`)
      continue
    }
    const context = join(work, `ctx-${builder.name}`)
    await fs.copy(fixture, context)
    const changed = await changedFile(context)
    const file = join(context, changed)
    unchanged = await unchangedStepCount(context, changed)
    const repository = `${stack.E2E_REGISTRY}/bench/${run}/${builder.name.replace(/[^a-z0-9-]+/g, '-').replace(/-$/, '')}`
    const measures: Partial<Record<Phase, Measure>> = {}
    for (const phase of ['cold', 'warm', 'no-change'] as const) {
      if (phase === 'warm') await fs.appendFile(file, `\nchanged for the warm build ${Date.now()}\n`)
      await builder.reset()
      const started = performance.now()
      const log = await builder.build(context, `${repository}:${phase}`, `${repository}/cache`)
      const seconds = (performance.now() - started) / 1000
      measures[phase] = { seconds, steps: builder.parse(log) }
      console.log(`${builder.name} ${phase}: ${seconds.toFixed(1)}s`)
    }
    results[builder.name] = measures
  }
} finally {
  await removeStorage(join(work, 'buildah-overlay'))
  rmSync(work, { recursive: true, force: true })
}

const share = (m?: Measure) =>
  m && m.steps.length > 0
    ? `${m.steps.filter((s) => s.cached).length}/${m.steps.length} (${Math.round((100 * m.steps.filter((s) => s.cached).length) / m.steps.length)}%)`
    : 'n/a'
const rows = [
  [
    'builder',
    'cold s',
    'warm s',
    'no-change s',
    'warm/cold',
    `cached warm (${unchanged} unchanged)`,
    'cached no-change',
  ],
  ...Object.entries(results).map(([name, r]) =>
    r.skipped
      ? [name, `skipped: ${r.skipped}`, '', '', '', '', '']
      : [
          name,
          r.cold?.seconds.toFixed(1) ?? '',
          r.warm?.seconds.toFixed(1) ?? '',
          r['no-change']?.seconds.toFixed(1) ?? '',
          r.cold && r.warm ? (r.warm.seconds / r.cold.seconds).toFixed(2) : '',
          share(r.warm),
          share(r['no-change']),
        ],
  ),
]
const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
console.log('')
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  '))
