// The least seccomp relaxation rootless BuildKit needs in a container, as a runner's `security_opt` carries it:
// Docker's default profile plus the system calls for user and mount namespaces (rootlesskit, runc inside them),
// and the kernel keyring answered "not implemented" so runc skips it. Found by removing one call at a time on
// this machine (the buildkit component's README lists what each one is for); no capability is added.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { goTool } from './tool-versions.js'

export interface SeccompRule {
  names: string[]
  action: string
  errnoRet?: number
  args?: unknown[]
  includes?: { caps?: string[]; arches?: string[] }
  excludes?: { caps?: string[]; arches?: string[] }
  [key: string]: unknown
}

export interface SeccompProfile {
  defaultAction: string
  syscalls: SeccompRule[]
  [key: string]: unknown
}

/** Allowed in full: Docker allows them only with CAP_SYS_ADMIN (pivot_root not at all). */
export const NAMESPACE_SYSCALLS = [
  'clone',
  'unshare',
  'setns',
  'mount',
  'umount2',
  'pivot_root',
  'sethostname',
]
/** Docker denies these with EPERM, which fails runc; ENOSYS makes it go on without a session keyring. */
export const KEYRING_SYSCALLS = ['keyctl', 'add_key', 'request_key']
const ENOSYS = 38

/** `defaults` (Docker's profile) with the namespace calls allowed and the keyring calls answered ENOSYS. */
export function rootlessBuildkitProfile(defaults: SeccompProfile): SeccompProfile {
  // Docker's own `clone` rules filter out the namespace flags unless the container has CAP_SYS_ADMIN.
  const withoutCloneFilter = defaults.syscalls.filter(
    (rule) => !(rule.names.includes('clone') && rule.excludes?.caps?.includes('CAP_SYS_ADMIN')),
  )
  return {
    ...defaults,
    syscalls: [
      ...withoutCloneFilter,
      { names: NAMESPACE_SYSCALLS, action: 'SCMP_ACT_ALLOW' },
      { names: KEYRING_SYSCALLS, action: 'SCMP_ACT_ERRNO', errnoRet: ENOSYS },
    ],
  }
}

/** Docker's default profile for the engine the stack runs: moby/profiles/seccomp at the version its go.mod names. */
export function engineDefaultSeccompProfile(): SeccompProfile {
  const engine = goTool('docker-engine')
  const engineDir = moduleDir(engine.module, engine.version)
  const goMod = readFileSync(join(engineDir, 'go.mod'), 'utf8')
  const version = /^\s*github\.com\/moby\/profiles\/seccomp (v\S+)/m.exec(goMod)?.[1]
  if (!version)
    throw new Error(`${engine.module}@${engine.version}: go.mod names no github.com/moby/profiles/seccomp`)
  const profiles = moduleDir('github.com/moby/profiles/seccomp', version)
  return JSON.parse(readFileSync(join(profiles, 'default.json'), 'utf8')) as SeccompProfile
}

function moduleDir(module: string, version: string): string {
  const out = execFileSync('go', ['mod', 'download', '-json', `${module}@${version}`], { encoding: 'utf8' })
  const dir = (JSON.parse(out) as { Dir?: string }).Dir
  if (!dir) throw new Error(`go mod download ${module}@${version} gave no directory`)
  return dir
}
