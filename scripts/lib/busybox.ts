// Builds the busybox the local images carry from Debian's busybox source package (upstream's tarball, its
// checksum verified by apt), with the upstream default applet set (`make defconfig`), statically against musl,
// as the official busybox:musl image is built. Debian's own busybox binaries use a reduced configuration
// without `printenv` (and more), so they would hide exactly the "utility not in the image" faults the suite
// exists to catch. The few options changed after `make defconfig` are the ones the official image's build
// changes (docker-library/busybox: static, `ar`, no RPC/utmp/wtmp for musl).
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { $, fs } from 'zx'
import { privateApt } from './debian-apt.js'
import { PREFIX } from './stack-layout.js'
import { debianSource } from './tool-versions.js'

export const BUSYBOX_DIR = `${PREFIX}/busybox`

const SET: Record<string, string> = {
  CONFIG_STATIC: 'y',
  CONFIG_AR: 'y',
  CONFIG_FEATURE_AR_CREATE: 'y',
  CONFIG_FEATURE_AR_LONG_FILENAMES: 'y',
  CONFIG_LAST_SUPPORTED_WCHAR: '0',
}
const UNSET = [
  'CONFIG_FEATURE_SYNC_FANCY',
  'CONFIG_FEATURE_HAVE_RPC',
  'CONFIG_FEATURE_INETD_RPC',
  'CONFIG_FEATURE_UTMP',
  'CONFIG_FEATURE_WTMP',
]

/** `make defconfig`'s .config with the official image's changes applied. */
export function adjustBusyboxConfig(config: string): string {
  let adjusted = config
  for (const [option, value] of Object.entries(SET)) {
    const line = `${option}=${value}`
    const existing = new RegExp(`^(# ${option} is not set|${option}=.*)$`, 'm')
    adjusted = existing.test(adjusted) ? adjusted.replace(existing, line) : `${adjusted}${line}\n`
  }
  for (const option of UNSET)
    adjusted = adjusted.replace(new RegExp(`^${option}=.*$`, 'm'), `# ${option} is not set`)
  return adjusted
}

export interface BuiltBusybox {
  /** The static binary. */
  binary: string
  version: string
  /** Every applet it provides (`busybox --list`). */
  applets: string[]
}

function readBuilt(): BuiltBusybox | undefined {
  const stamp = `${BUSYBOX_DIR}/built.json`
  if (!existsSync(stamp)) return undefined
  const built = JSON.parse(readFileSync(stamp, 'utf8')) as BuiltBusybox
  return existsSync(built.binary) ? built : undefined
}

export async function buildBusybox(say: (line: string) => void = () => {}): Promise<BuiltBusybox> {
  const source = debianSource('busybox-source')
  const previous = readBuilt()
  if (previous) return previous
  const started = Date.now()
  const apt = await privateApt(source.suite, 'deb-src')
  const work = await fs.mkdtemp('/tmp/catalog-e2e-busybox-')
  try {
    await $({ cwd: work })`apt-get ${apt.options} source --download-only -qq ${source.source ?? 'busybox'}`
    const tarball = (await fs.readdir(work)).find((name: string) => /\.orig\.tar\.(bz2|xz|gz)$/.test(name))
    if (!tarball) throw new Error(`apt-get source ${source.source} gave no upstream tarball in ${work}`)
    const version = /_([0-9.]+)\.orig\./.exec(tarball)?.[1] ?? 'unknown'
    const src = `${work}/src`
    await fs.ensureDir(src)
    await $`tar -xf ${`${work}/${tarball}`} -C ${src} --strip-components=1`
    // musl-gcc sees only musl's headers; busybox also needs the kernel's UAPI headers.
    const include = `${work}/kernel-headers`
    await fs.ensureDir(include)
    for (const [name, target] of [
      ['linux', '/usr/include/linux'],
      ['asm-generic', '/usr/include/asm-generic'],
      ['asm', '/usr/include/x86_64-linux-gnu/asm'],
      ['mtd', '/usr/include/mtd'],
    ] as const) {
      await fs.symlink(target, `${include}/${name}`)
    }
    await $({ cwd: src })`make defconfig`
    await fs.writeFile(`${src}/.config`, adjustBusyboxConfig(await fs.readFile(`${src}/.config`, 'utf8')))
    await $({ cwd: src, input: '\n'.repeat(200) })`make oldconfig`
    await $({
      cwd: src,
    })`make -j${String(availableParallelism())} CC=musl-gcc ${`EXTRA_CFLAGS=-isystem ${include}`} busybox`
    const dir = `${BUSYBOX_DIR}/${version}`
    await fs.ensureDir(dir)
    await fs.copyFile(`${src}/busybox`, `${dir}/busybox`)
    await fs.chmod(`${dir}/busybox`, 0o755)
    const applets = (await $`${`${dir}/busybox`} --list`).stdout.split('\n').filter(Boolean)
    const built: BuiltBusybox = { binary: `${dir}/busybox`, version, applets }
    await fs.writeFile(`${BUSYBOX_DIR}/built.json`, `${JSON.stringify(built, null, 2)}\n`)
    say(
      `  busybox ${version} (musl, static, ${applets.length} applets): ${((Date.now() - started) / 1000).toFixed(1)}s`,
    )
    return built
  } finally {
    await fs.remove(work)
  }
}
