import { execFileSync } from 'node:child_process'
import { statfsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { onTestFinished, type TestContext } from 'vitest'
import { testdir } from './testdir.js'

/**
 * A tmpfs mounted on a new temporary directory, unmounted when the current test finishes: a small `size`
 * (`64k`) is a full disk, `readOnly` a read-only file system (which root, unlike a mode, cannot write to).
 * Mounting needs root (or CAP_SYS_ADMIN): elsewhere the test is skipped, saying why.
 */
export function tmpfs(context: TestContext, options: { size: string; readOnly?: boolean }): string {
  const dir = testdir()
  const flags = [`size=${options.size}`, 'mode=0755', ...(options.readOnly ? ['ro'] : [])].join(',')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', flags, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] })
  } catch (error) {
    const reason = String((error as { stderr?: unknown }).stderr ?? error)
      .trim()
      .split('\n')[0]
    console.warn(`skipped: cannot mount a tmpfs (${reason}); run as root to test a full or read-only disk`)
    context.skip()
  }
  // Registered after testdir's removal hook, so it runs first (hooks run in reverse order).
  onTestFinished(() => {
    execFileSync('umount', ['--lazy', dir])
  })
  return dir
}

/**
 * Spawn options that run a process as `nobody` when this one is root, so file modes bind it (root reads a mode
 * 000 file); empty otherwise. The files it needs must be readable by others.
 */
export function unprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
}

let fillers = 0

/** Fills the file system holding `dir` until only about `leaveBytes` are free (a new `.filler-N` file in `dir`). */
export function fillDisk(dir: string, leaveBytes: number): void {
  const { bavail, bsize } = statfsSync(dir)
  const free = Number(bavail) * Number(bsize)
  if (free > leaveBytes) writeFileSync(join(dir, `.filler-${++fillers}`), Buffer.alloc(free - leaveBytes))
}
