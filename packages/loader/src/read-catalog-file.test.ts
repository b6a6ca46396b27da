import { execFileSync } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { readCatalogBytes, readCatalogFile } from './read-catalog-file.js'

describe('readCatalogFile', () => {
  it('reads a regular UTF-8 file; null when there is none', () => {
    const root = testdir({ 'a.yml': 'job: {}\n' })
    expect(readCatalogFile(join(root, 'a.yml'))).toEqual({ ok: true, text: 'job: {}\n' })
    expect(readCatalogFile(join(root, 'missing.yml'))).toBeNull()
  })

  it('refuses links, or follows them when asked, refusing loops, dangling links and /dev/zero', () => {
    const root = testdir({ 'a.yml': 'x: 1\n' })
    symlinkSync('a.yml', join(root, 'link.yml'))
    symlinkSync('loop.yml', join(root, 'loop.yml'))
    symlinkSync('gone.yml', join(root, 'dangling.yml'))
    symlinkSync('/dev/zero', join(root, 'zero.yml'))
    const follow = { followLinks: true }
    expect(readCatalogFile(join(root, 'link.yml'))).toEqual({
      ok: false,
      problem: 'is a symbolic link (to a.yml): the catalog reads regular files only; commit the file itself',
    })
    expect(readCatalogFile(join(root, 'link.yml'), follow)).toEqual({ ok: true, text: 'x: 1\n' })
    expect(readCatalogFile(join(root, 'loop.yml'), follow)).toEqual({
      ok: false,
      problem: 'is a symbolic link loop',
    })
    expect(readCatalogFile(join(root, 'dangling.yml'), follow)).toEqual({
      ok: false,
      problem: 'is a dangling symbolic link (to gone.yml)',
    })
    expect(readCatalogFile(join(root, 'zero.yml'), follow)).toEqual({
      ok: false,
      problem: 'is a device, not a regular file',
    })
  })

  it('refuses a FIFO and a directory without blocking, and text that is not UTF-8', () => {
    const root = testdir({})
    execFileSync('mkfifo', [join(root, 'fifo')])
    mkdirSync(join(root, 'dir'))
    writeFileSync(join(root, 'latin1.yml'), Buffer.from([0x63, 0x61, 0x66, 0xe9]))
    expect(readCatalogFile(join(root, 'fifo'))).toEqual({
      ok: false,
      problem: 'is a FIFO, not a regular file',
    })
    expect(readCatalogFile(join(root, 'dir'))).toEqual({
      ok: false,
      problem: 'is a directory, not a regular file',
    })
    expect(readCatalogFile(join(root, 'latin1.yml'))).toEqual({ ok: false, problem: 'is not UTF-8 text' })
    // As bytes (a template, whose invalid UTF-8 the engine reports in GitLab's words), it is read as it is.
    expect(readCatalogBytes(join(root, 'latin1.yml'))).toEqual({
      ok: true,
      bytes: Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    })
    expect(readCatalogBytes(join(root, 'fifo'))).toEqual({
      ok: false,
      problem: 'is a FIFO, not a regular file',
    })
  })
})
