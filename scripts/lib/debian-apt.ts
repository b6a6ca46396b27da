// apt with a private state directory: reads another Debian suite's package or source index (trixie, sid) from
// the host's own archive without touching the host's apt configuration. apt verifies every index and file
// against the archive's signed Release, so what it downloads is what Debian published.
import { existsSync } from 'node:fs'
import { $, fs } from 'zx'
import { PREFIX } from './stack-layout.js'

/** The host's own archive address, read from its deb822 sources, so other suites come from the same mirror. */
export async function hostArchiveUri(): Promise<string> {
  const dir = '/etc/apt/sources.list.d'
  const names: string[] = existsSync(dir) ? await fs.readdir(dir) : []
  for (const name of names.filter((n) => n.endsWith('.sources'))) {
    const text = await fs.readFile(`${dir}/${name}`, 'utf8')
    for (const stanza of text.split(/\n\s*\n/)) {
      const uri = /^URIs:\s*(\S+)/m.exec(stanza)?.[1]
      const suites = /^Suites:\s*(.+)$/m.exec(stanza)?.[1] ?? ''
      if (uri && /\bbookworm\b/.test(suites) && !uri.includes('security')) return uri
    }
  }
  const legacy = await fs.readFile('/etc/apt/sources.list', 'utf8').catch(() => '')
  const uri = /^deb\s+(\S+)\s+bookworm\s/m.exec(legacy)?.[1]
  if (uri) return uri
  throw new Error('no bookworm archive found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list')
}

export interface PrivateApt {
  /** `apt-get <options…>` arguments that select the private state. */
  options: string[]
  dir: string
}

/**
 * A private apt for `suite`, with binary (`deb`) or source (`deb-src`) indexes, updated once per process.
 * sid's Release on some mirrors is past its Valid-Until date; the signature is still checked. With `arch`
 * (e.g. `arm64`), its state holds that architecture's indexes only and `apt-get download` fetches that
 * architecture's packages: the host's dpkg architectures are never changed.
 */
const updated = new Map<string, Promise<PrivateApt>>()

export function privateApt(suite: string, type: 'deb' | 'deb-src', arch?: string): Promise<PrivateApt> {
  const key = `${suite} ${type} ${arch ?? ''}`
  let apt = updated.get(key)
  if (!apt) {
    apt = preparePrivateApt(suite, type, arch)
    updated.set(key, apt)
  }
  return apt
}

async function preparePrivateApt(suite: string, type: 'deb' | 'deb-src', arch?: string): Promise<PrivateApt> {
  if (arch !== undefined && !/^[a-z0-9]+$/.test(arch)) throw new Error(`not a Debian architecture: '${arch}'`)
  const dir = `${PREFIX}/apt-${suite}${type === 'deb-src' ? '-src' : ''}${arch ? `-${arch}` : ''}`
  for (const sub of ['state/lists/partial', 'cache/archives/partial', 'etc/sources.list.d']) {
    await fs.ensureDir(`${dir}/${sub}`)
  }
  await fs.ensureFile(`${dir}/state/status`)
  await fs.writeFile(
    `${dir}/etc/sources.list.d/${suite}.sources`,
    `Types: ${type}\nURIs: ${await hostArchiveUri()}\nSuites: ${suite}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`,
  )
  const options = [
    `Dir::State=${dir}/state`,
    `Dir::State::status=${dir}/state/status`,
    `Dir::Cache=${dir}/cache`,
    'Dir::Etc::SourceList=/dev/null',
    `Dir::Etc::SourceParts=${dir}/etc/sources.list.d`,
    'Dir::Etc::Preferences=/dev/null',
    `Dir::Etc::PreferencesParts=${dir}/etc/preferences.d`,
    'Acquire::Check-Valid-Until=false',
    // `apt-get download`/`source` write into cwd as root; the sandbox user cannot, and the warning is noise.
    'APT::Sandbox::User=root',
    ...(arch ? [`APT::Architecture=${arch}`, `APT::Architectures=${arch}`] : []),
  ].flatMap((option) => ['-o', option])
  await fs.ensureDir(`${dir}/etc/preferences.d`)
  await $`apt-get ${options} update -qq`
  return { options, dir }
}

/**
 * Downloads `packages` from a suite and unpacks them with `dpkg -x` into one directory (no maintainer scripts
 * run), for single binaries such as the docker CLI. Kept until the list of packages or their versions change.
 * `arch` takes another architecture's packages (unpacked, never run here).
 */
export async function unpackDebianPackages(
  name: string,
  suite: string,
  packages: string[],
  arch?: string,
): Promise<string> {
  const root = `${PREFIX}/debian/${name}`
  const apt = await privateApt(suite, 'deb', arch)
  const wanted = (await $`apt-cache ${apt.options} show --no-all-versions ${packages}`).stdout
    .split('\n')
    .filter((line) => /^(Package|Version): /.test(line))
    .join('\n')
  const stamp = `${root}/.packages`
  if ((await fs.readFile(stamp, 'utf8').catch(() => '')) === wanted) return root
  const debs = `${root}.debs`
  await fs.emptyDir(debs)
  await $({ cwd: debs })`apt-get ${apt.options} download -qq ${packages}`
  await fs.emptyDir(root)
  for (const deb of await fs.readdir(debs)) await $`dpkg -x ${`${debs}/${deb}`} ${root}`
  await fs.remove(debs)
  await fs.writeFile(stamp, wanted)
  return root
}
