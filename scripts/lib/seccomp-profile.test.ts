import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  KEYRING_SYSCALLS,
  NAMESPACE_SYSCALLS,
  rootlessBuildkitProfile,
  type SeccompProfile,
} from './seccomp-profile.js'

/** The shape of Docker's default profile (moby/profiles seccomp/default.json), cut down to the rules that matter. */
const dockerDefault: SeccompProfile = {
  defaultAction: 'SCMP_ACT_ERRNO',
  defaultErrnoRet: 1,
  archMap: [{ architecture: 'SCMP_ARCH_X86_64', subArchitectures: ['SCMP_ARCH_X86'] }],
  syscalls: [
    { names: ['read', 'write', 'setuid'], action: 'SCMP_ACT_ALLOW' },
    {
      names: ['bpf', 'clone', 'mount', 'setns', 'sethostname', 'umount2', 'unshare', 'perf_event_open'],
      action: 'SCMP_ACT_ALLOW',
      includes: { caps: ['CAP_SYS_ADMIN'] },
    },
    {
      names: ['clone'],
      action: 'SCMP_ACT_ALLOW',
      args: [{ index: 0, value: 2114060288, op: 'SCMP_CMP_MASKED_EQ' }],
      excludes: { caps: ['CAP_SYS_ADMIN'], arches: ['s390', 's390x'] },
    },
    { names: ['clone3'], action: 'SCMP_ACT_ERRNO', errnoRet: 38, excludes: { caps: ['CAP_SYS_ADMIN'] } },
  ],
}

describe('rootlessBuildkitProfile', () => {
  const profile = rootlessBuildkitProfile(dockerDefault)
  const unconditional = (action: string) =>
    profile.syscalls
      .filter((rule) => rule.action === action && !rule.includes && !rule.args)
      .flatMap((rule) => rule.names)

  it("keeps Docker's default action, architectures and every other rule", () => {
    expect(profile.defaultAction).toBe('SCMP_ACT_ERRNO')
    expect(profile.defaultErrnoRet).toBe(1)
    expect(profile.archMap).toEqual(dockerDefault.archMap)
    expect(profile.syscalls).toContainEqual(dockerDefault.syscalls[0])
    expect(profile.syscalls).toContainEqual(dockerDefault.syscalls[1])
    expect(profile.syscalls).toContainEqual(dockerDefault.syscalls[3])
  })

  it('allows exactly the namespace calls beyond the default, without any capability', () => {
    const before = new Set(['read', 'write', 'setuid'])
    expect(
      unconditional('SCMP_ACT_ALLOW')
        .filter((name) => !before.has(name))
        .sort(),
    ).toEqual([...NAMESPACE_SYSCALLS].sort())
    // What Docker grants with CAP_SYS_ADMIN beyond those stays behind the capability.
    expect(unconditional('SCMP_ACT_ALLOW')).not.toContain('bpf')
    expect(unconditional('SCMP_ACT_ALLOW')).not.toContain('perf_event_open')
  })

  it("drops Docker's flag filter on clone (it forbids the namespace flags) and keeps clone3 unimplemented", () => {
    expect(profile.syscalls.filter((rule) => rule.names.includes('clone') && rule.args)).toEqual([])
    expect(profile.syscalls).toContainEqual(dockerDefault.syscalls[3])
  })

  it('answers the kernel keyring calls with ENOSYS, which runc takes as "no keyring"', () => {
    expect(profile.syscalls).toContainEqual({
      names: KEYRING_SYSCALLS,
      action: 'SCMP_ACT_ERRNO',
      errnoRet: 38,
    })
  })

  it('does not change its input', () => {
    expect(dockerDefault.syscalls).toHaveLength(4)
  })
})

describe("the buildkit README's jq recipe", () => {
  const readme = readFileSync(new URL('../../templates/buildkit/README.md', import.meta.url), 'utf8')
  const filter = /^\s*jq '(.+)' default\.json > rootless-buildkit\.json$/m.exec(readme)?.[1]
  const jq = spawnSync('jq', ['--version'])
  if (jq.error) console.log('SKIP the README jq recipe check: no jq on this machine')

  it('is in the README', () => {
    expect(filter).toBeDefined()
  })

  it.skipIf(jq.error !== undefined)(
    'makes the same profile as rootlessBuildkitProfile, which the suite runs with',
    () => {
      const result = spawnSync('jq', [filter as string], {
        input: JSON.stringify(dockerDefault),
        encoding: 'utf8',
      })
      expect(result.status, result.stderr).toBe(0)
      expect(JSON.parse(result.stdout)).toEqual(rootlessBuildkitProfile(dockerDefault))
    },
  )
})
