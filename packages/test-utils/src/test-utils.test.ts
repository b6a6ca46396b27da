import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { copyFixture, fillDisk, gitdir, memoryIo, testdir, tmpfs, unprivileged } from './index.js'

const mounted = (dir: string) => readFileSync('/proc/mounts', 'utf8').includes(` ${dir} `)

describe('testdir', () => {
  let previous = ''
  it('writes the files, creating folders', () => {
    previous = testdir({ 'a/b/c.txt': 'hello' })
    expect(readFileSync(join(previous, 'a/b/c.txt'), 'utf8')).toBe('hello')
  })

  it('removed the previous test’s directory when it finished', () => {
    expect(previous).not.toBe('')
    expect(existsSync(previous)).toBe(false)
  })
})

describe('copyFixture', () => {
  it('copies a tree and applies the changes to a copy, never to the fixture', () => {
    const fixture = testdir({ 'x.txt': 'one', 'sub/y.txt': 'two' })
    const copy = copyFixture(fixture, { 'x.txt': (text) => `${text}!`, 'new.txt': () => 'new' })
    expect(readFileSync(join(copy, 'x.txt'), 'utf8')).toBe('one!')
    expect(readFileSync(join(copy, 'sub/y.txt'), 'utf8')).toBe('two')
    expect(readFileSync(join(copy, 'new.txt'), 'utf8')).toBe('new')
    expect(readFileSync(join(fixture, 'x.txt'), 'utf8')).toBe('one')
  })
})

describe('gitdir', () => {
  it('commits the files once on main with a fixed identity; commit() adds the next commit', () => {
    const repo = gitdir({ 'README.md': '# x\n' })
    expect(repo.git('log', '--format=%an <%ae> %s')).toBe('Test <test@example.com> initial')
    expect(repo.git('branch', '--show-current')).toBe('main')
    writeFileSync(join(repo.root, 'b.txt'), 'b')
    const sha = repo.commit('second')
    expect(repo.git('rev-parse', 'HEAD')).toBe(sha)
    expect(repo.git('status', '--porcelain')).toBe('')
  })

  it('leaves the files uncommitted when asked', () => {
    const repo = gitdir({ 'a.txt': 'a' }, { commit: false })
    expect(repo.git('status', '--porcelain')).toBe('?? a.txt')
  })
})

describe('memoryIo', () => {
  it('collects what is written to stdout and stderr', () => {
    const io = memoryIo('/somewhere', { A: '1' })
    io.stdout('out 1\n')
    io.stderr('err\n')
    io.stdout('out 2\n')
    expect([io.out, io.err, io.cwd, io.env.A, io.isTTY]).toEqual([
      'out 1\nout 2\n',
      'err\n',
      '/somewhere',
      '1',
      false,
    ])
  })
})

describe('tmpfs', () => {
  let previous = ''
  it('a small one is a full disk', (context) => {
    previous = tmpfs(context, { size: '64k' })
    expect(mounted(previous)).toBe(true)
    expect(() => writeFileSync(join(previous, 'big'), Buffer.alloc(256 * 1024))).toThrow(/ENOSPC/)
  })

  it('unmounted and removed the previous one when its test finished', (context) => {
    if (previous === '') context.skip()
    expect(mounted(previous)).toBe(false)
    expect(existsSync(previous)).toBe(false)
  })

  it('fillDisk leaves about the bytes asked for', (context) => {
    const dir = tmpfs(context, { size: '256k' })
    fillDisk(dir, 8192)
    writeFileSync(join(dir, 'fits'), Buffer.alloc(4096))
    expect(() => writeFileSync(join(dir, 'too-big'), Buffer.alloc(16384))).toThrow(/ENOSPC/)
  })

  it('a read-only one refuses writes, even from root', (context) => {
    const dir = tmpfs(context, { size: '64k', readOnly: true })
    expect(() => writeFileSync(join(dir, 'x'), 'x')).toThrow(/EROFS/)
  })
})

describe('unprivileged', () => {
  it('runs a process that file modes bind', () => {
    const dir = testdir({ 'secret.txt': 'secret' })
    chmodSync(dir, 0o755)
    chmodSync(join(dir, 'secret.txt'), 0o000)
    const result = spawnSync('cat', [join(dir, 'secret.txt')], { ...unprivileged(), encoding: 'utf8' })
    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('Permission denied')
  })
})
