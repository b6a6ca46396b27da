import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type GitDir, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo, PASSING_TEMPLATE } from './catalog-repo.js'

// `catalog release` interrupted for real: the built bin, spawned, with the real validate gate, sent SIGINT or
// SIGTERM at several delays, or to its whole process group (as Ctrl-C does, reaching git too). After every run
// the repository is either exactly as it was or fully released, never in between, and the message says which.

const bin = fileURLToPath(new URL('../../../../bin/catalog.js', import.meta.url))
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()

/** A released catalog (1.0.0) with a pending changeset for 1.1.0. */
async function pendingRelease(): Promise<GitDir> {
  const repo = await catalogRepo(
    PASSING_TEMPLATE,
    { 'CHANGELOG.md': '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n### hello\n\n- first\n' },
    'released',
  )
  repo.git('tag', '-a', '1.0.0', '-m', '1.0.0')
  mkdirSync(join(repo.root, '.changeset'), { recursive: true })
  writeFileSync(
    join(repo.root, '.changeset/x.md'),
    '---\n"container-build-catalog": minor\n---\n\nhello: more\n',
  )
  repo.commit('a changeset')
  return repo
}

function state(repo: GitDir) {
  return {
    head: repo.git('rev-parse', 'HEAD'),
    refs: repo.git('for-each-ref', '--format=%(refname) %(objectname)'),
    status: repo.git('status', '--porcelain', '--untracked-files=all'),
    changelog: readFileSync(join(repo.root, 'CHANGELOG.md'), 'utf8'),
    changeset: existsSync(join(repo.root, '.changeset/x.md')),
  }
}

/**
 * A stand-in in front of the real git, named as such: it runs the real git for everything, but first, when its
 * arguments contain $STANDIN_MATCH, touches $STANDIN_MARKER and sleeps (a window to send a signal in), or
 * creates $STANDIN_LOCK (a stale index.lock appearing mid-release), or fails ($STANDIN_FAIL); once that has
 * happened, every command containing $STANDIN_FAIL_LATER fails too (a rollback that cannot finish).
 */
function gitStandIn(): string {
  const dir = testdir()
  writeFileSync(
    join(dir, 'git'),
    `#!/bin/sh
state="${dir}/matched"
case " $* " in
  *" $STANDIN_MATCH "*)
    : > "$state"
    [ -z "$STANDIN_MARKER" ] || { : > "$STANDIN_MARKER"; sleep 3; }
    [ -z "$STANDIN_LOCK" ] || : > "$STANDIN_LOCK"
    [ -z "$STANDIN_FAIL" ] || { echo "fatal: stand-in failure" >&2; exit 128; } ;;
  *" $STANDIN_FAIL_LATER "*)
    [ ! -e "$state" ] || { echo "fatal: stand-in failure" >&2; exit 128; } ;;
esac
exec ${realGit} "$@"
`,
  )
  chmodSync(join(dir, 'git'), 0o755)
  return dir
}

function release(
  repo: GitDir,
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, 'release', '--date', '2026-11-23'], {
    cwd: repo.root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => {
    stdout += chunk
  })
  child.stderr?.on('data', (chunk) => {
    stderr += chunk
  })
  const done = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
  return { child, done }
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(file); i++) await sleep(50)
  expect(existsSync(file), `${file} never appeared`).toBe(true)
}

/**
 * Either nothing changed (and the run said so, or was stopped by the signal before it held signals: while Node
 * starts) or the release is complete (and the run said so, or was stopped by the signal after it let go of them:
 * between the last step and the exit).
 */
function expectAllOrNothing(
  repo: GitDir,
  before: ReturnType<typeof state>,
  run: Run,
): 'nothing' | 'released' {
  expect(run.stderr).not.toMatch(/internal error|\n {4}at /)
  const after = state(repo)
  if (run.signal !== null && after.head === before.head) {
    expect(after).toEqual(before)
    return 'nothing'
  }
  if (after.head === before.head) {
    expect(after).toEqual(before)
    expect(run.code === 1 || run.code === 130 || run.code === 143, `exit ${run.code}`).toBe(true)
    if (run.code !== 1)
      expect(run.stderr).toMatch(
        /^catalog: interrupted by SIG(INT|TERM): (nothing was changed|rolled back: HEAD is back at [0-9a-f]{12}, the files are as they were, no tag was created)\n$/,
      )
    return 'nothing'
  }
  if (run.signal === null) expect(run.code).toBe(0)
  expect(repo.git('log', '-1', '--format=%s')).toBe('Release 1.1.0')
  expect(repo.git('rev-parse', '1.1.0^{commit}')).toBe(after.head)
  expect(after.status).toBe('')
  expect(after.changeset).toBe(false)
  expect(after.changelog).toContain('## 1.1.0 (2026-11-23)')
  return 'released'
}

describe('catalog release under real signals', { timeout: 180_000 }, () => {
  it.each([
    ['SIGINT', 50],
    ['SIGINT', 400],
    ['SIGINT', 1200],
    ['SIGTERM', 300],
    ['SIGTERM', 2500],
  ] as const)('%s after %i ms: all or nothing', async (signal, delay) => {
    const repo = await pendingRelease()
    const before = state(repo)
    const { child, done } = release(repo)
    await sleep(delay)
    child.kill(signal)
    expectAllOrNothing(repo, before, await done)
  })

  it.each([
    ['mktag', 'before the ref transaction', 'nothing was changed'],
    ['read-tree -m -u', 'while the release commit is checked out', 'rolled back: HEAD is back at'],
  ])('SIGINT to the process group (Ctrl-C) %s: %s', async (match, _when, said) => {
    const repo = await pendingRelease()
    const before = state(repo)
    const marker = join(testdir(), 'reached')
    const { child, done } = release(repo, {
      PATH: `${gitStandIn()}:${process.env.PATH}`,
      STANDIN_MATCH: match,
      STANDIN_MARKER: marker,
    })
    await waitFor(marker)
    process.kill(-(child.pid as number), 'SIGINT')
    const run = await done
    expect(expectAllOrNothing(repo, before, run)).toBe('nothing')
    expect(run.code).toBe(130)
    expect(run.stderr).toContain(said)
  })

  it('SIGTERM to the process only, while git checks the release out: rolled back after git finishes', async () => {
    const repo = await pendingRelease()
    const before = state(repo)
    const marker = join(testdir(), 'reached')
    const { child, done } = release(repo, {
      PATH: `${gitStandIn()}:${process.env.PATH}`,
      STANDIN_MATCH: 'read-tree -m -u',
      STANDIN_MARKER: marker,
    })
    await waitFor(marker)
    child.kill('SIGTERM')
    const run = await done
    expect(expectAllOrNothing(repo, before, run)).toBe('nothing')
    expect(run.code).toBe(143)
  })
})

describe('a stale .git/index.lock', { timeout: 180_000 }, () => {
  it('before the release: refused, nothing changed', async () => {
    const repo = await pendingRelease()
    writeFileSync(join(repo.root, '.git/index.lock'), '')
    const before = state(repo)
    const io = memoryIo(repo.root)
    expect(await main(['release', '--date', '2026-11-23'], io)).toBe(1)
    expect(io.err).toMatch(
      /^catalog: .+\.git\/index\.lock exists: another git command is running, or one crashed .+; nothing was changed\n$/,
    )
    expect(state(repo)).toEqual(before)
  })

  it('appearing mid-release: the checkout fails, the rollback is checked and claimed only because it held', async () => {
    const repo = await pendingRelease()
    const before = state(repo)
    const { done } = release(repo, {
      PATH: `${gitStandIn()}:${process.env.PATH}`,
      STANDIN_MATCH: 'read-tree -m -u',
      STANDIN_LOCK: join(repo.root, '.git/index.lock'),
    })
    const run = await done
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^catalog: checking out the release commit failed \(.*index\.lock.*\); rolled back: HEAD is back at [0-9a-f]{12}, the files are as they were, no tag was created\n$/,
    )
    expect(state(repo)).toEqual(before)
  })

  it('when the rollback cannot finish, it says what is left and how to finish, claiming nothing', async () => {
    const repo = await pendingRelease()
    const before = state(repo)
    // The checkout fails, and so does the rollback's ref transaction (HEAD still goes back with reset --hard;
    // the tag stays).
    const { done } = release(repo, {
      PATH: `${gitStandIn()}:${process.env.PATH}`,
      STANDIN_MATCH: 'read-tree -m -u',
      STANDIN_FAIL: '1',
      STANDIN_FAIL_LATER: 'update-ref',
    })
    const run = await done
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^catalog: checking out the release commit failed \(fatal: stand-in failure\); rolling back did not finish \(tag 1\.1\.0 exists; fatal: stand-in failure\): restore with `git reset --hard [0-9a-f]{12}` and `git tag -d 1\.1\.0`\n$/,
    )
    expect(run.stderr).not.toContain('rolled back:')
    expect(repo.git('tag', '--list', '1.1.0')).toBe('1.1.0')
    repo.git('tag', '-d', '1.1.0')
    expect(state(repo)).toEqual(before)
  })
})
