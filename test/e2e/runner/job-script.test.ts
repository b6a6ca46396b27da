// The job script in the shells job images have: bash (buildah), busybox ash (docker, kaniko, cosign, BuildKit),
// and dash for a plain POSIX sh. Each runs the script the runner feeds to stdin.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DETECT_SHELL, jobScript } from './job-script.js'

const busybox = ['/opt/catalog-e2e/busybox/1.37.0/busybox', '/bin/busybox'].find(existsSync)
const shells: [string, string[]][] = [
  ['bash', ['bash']],
  ['dash', ['dash']],
  ...(busybox ? ([['busybox ash', [busybox, 'sh']]] as [string, string[]][]) : []),
]
if (!busybox) console.log('SKIP job script under busybox ash: no busybox binary on this machine')

function run(shell: string[], script: string) {
  const [command = 'sh', ...args] = shell
  const result = spawnSync(command, args, { input: script, encoding: 'utf8', cwd: '/' })
  return { status: result.status, out: result.stdout, err: result.stderr }
}

describe.each(shells)('the job script in %s', (_name, shell) => {
  it('runs every command in the project directory, echoing each first line', () => {
    const result = run(shell, jobScript(['printf "%s\\n" "$PWD"', `a="it's"\necho "$a"`], '/tmp'))
    expect(result.status).toBe(0)
    expect(result.out).toBe(
      `$ printf "%s\\n" "$PWD"\n/tmp\n$ a="it's" # collapsed multi-line command\nit's\n`,
    )
  })

  it('stops at the first failing command with its exit code', () => {
    const result = run(shell, jobScript(['echo one', 'exit 3', 'echo never'], '/'))
    expect(result.status).toBe(3)
    expect(result.out).not.toContain('never')
  })

  it('gives commands an empty stdin: nothing reads the rest of the script', () => {
    const result = run(shell, jobScript(['cat', 'echo after'], '/'))
    expect(result.status).toBe(0)
    expect(result.out).toContain('after')
  })
})

describe('shell detection', () => {
  it('execs the first shell it finds, as GitLab Runner does', () => {
    const out = execFileSync('sh', ['-c', DETECT_SHELL], { input: 'echo "$0"', encoding: 'utf8' })
    expect(out.trim()).toMatch(/bash$/)
  })
})
