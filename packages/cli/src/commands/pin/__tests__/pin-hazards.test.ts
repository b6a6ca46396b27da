import { execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fillDisk, memoryIo, testdir, tmpfs } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from './catalog-repo.js'

// What issue 11 found pin doing to a consumer project: running a command through --remote, leaving it half
// pinned or with temporary files, writing outside it, replacing a linked pipeline with a copy.

const catalogPath = 'my-group/container-build'
const ref = (name: string, version: string) =>
  `  - component: $CI_SERVER_FQDN/${catalogPath}/${name}@${version}\n`
const MAIN = `include:\n${ref('kaniko', '1')}  - local: ci/release.yml\n`
const RELEASE = `include:\n${ref('buildah', '1.0')}`

const files = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.filler'))
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()

const text = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')

describe('--remote cannot smuggle options into git', () => {
  it.each(['pin', 'outdated'])('%s refuses a remote starting with `-`, running nothing', async (command) => {
    const marker = join(testdir(), 'pwned')
    for (const remote of [`--upload-pack=touch ${marker}; echo`, '-h']) {
      const io = memoryIo(testdir({ '.gitlab-ci.yml': MAIN, 'ci/release.yml': RELEASE }))
      expect(await main([command, '--catalog', catalogPath, `--remote=${remote}`], io)).toBe(2)
      expect(io.err.split('\n')[0]).toBe(`catalog: --remote must be a git URL or path, got \`${remote}\``)
    }
    expect(existsSync(marker)).toBe(false)
  })
})

describe('pin stays inside the project', () => {
  it('skips a local include outside the project, and one that is a link out of it, with a note', async () => {
    const catalog = catalogRepo()
    const parent = testdir({ 'outside.yml': RELEASE, 'project/.gitlab-ci.yml': '' })
    const project = join(parent, 'project')
    mkdirSync(join(project, 'ci'))
    symlinkSync(join(parent, 'outside.yml'), join(project, 'ci/linked.yml'))
    writeFileSync(
      join(project, '.gitlab-ci.yml'),
      `include:\n${ref('kaniko', '1')}  - local: ../outside.yml\n  - local: ci/linked.yml\n`,
    )
    const io = memoryIo(project)
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(0)
    expect(io.err).toBe(
      'note: .gitlab-ci.yml:3: local include ../outside.yml is outside the project, not followed\n' +
        'note: .gitlab-ci.yml:4: local include ci/linked.yml is outside the project, not followed\n',
    )
    expect(text(parent, 'outside.yml')).toBe(RELEASE)
    expect(text(project, '.gitlab-ci.yml')).toContain('kaniko@1.2.0')
  })

  it('refuses a --file outside the project in one line', async () => {
    const catalog = catalogRepo()
    const parent = testdir({ 'other.yml': MAIN, 'project/.gitlab-ci.yml': MAIN })
    const io = memoryIo(join(parent, 'project'))
    expect(
      await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root, '--file', '../other.yml'], io),
    ).toBe(1)
    expect(io.err).toBe(
      `catalog: ${join(parent, 'other.yml')} is outside the project (${join(parent, 'project')}): run pin from the project's root\n`,
    )
    expect(text(parent, 'other.yml')).toBe(MAIN)
  })

  it('writes through a linked .gitlab-ci.yml: the link stays a link, its target is pinned', async () => {
    const catalog = catalogRepo()
    const project = testdir({ 'ci/main.yml': MAIN, 'ci/release.yml': RELEASE })
    symlinkSync('ci/main.yml', join(project, '.gitlab-ci.yml'))
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], memoryIo(project))).toBe(
      0,
    )
    expect(lstatSync(join(project, '.gitlab-ci.yml')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(project, '.gitlab-ci.yml'))).toBe('ci/main.yml')
    expect(text(project, 'ci/main.yml')).toContain('kaniko@1.2.0')
    expect(text(project, 'ci/release.yml')).toContain('buildah@1.0.0')
  })

  it('refuses a FIFO or a link loop as the pipeline, in one line and without waiting', async () => {
    const catalog = catalogRepo()
    const fifo = testdir({})
    execFileSync('mkfifo', [join(fifo, '.gitlab-ci.yml')])
    const io = memoryIo(fifo)
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(1)
    expect(io.err).toBe('catalog: .gitlab-ci.yml: is a FIFO, not a regular file; no file was changed\n')
    const loop = testdir({ '.gitlab-ci.yml': `include:\n  - local: ci/loop.yml\n` })
    mkdirSync(join(loop, 'ci'))
    symlinkSync('loop.yml', join(loop, 'ci/loop.yml'))
    const looped = memoryIo(loop)
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], looped)).toBe(1)
    expect(looped.err).toBe('catalog: ci/loop.yml: is a symbolic link loop; no file was changed\n')
  })
})

describe('pin writes every file or none', () => {
  it('on a full disk: nothing changed, no temporary file left, and it says so', async (context) => {
    const catalog = catalogRepo()
    const disk = tmpfs(context, { size: '1m' })
    writeFileSync(join(disk, '.gitlab-ci.yml'), MAIN)
    mkdirSync(join(disk, 'ci'))
    writeFileSync(join(disk, 'ci/release.yml'), RELEASE)
    fillDisk(disk, 4096)
    const io = memoryIo(disk)
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write the pinned files \(ENOSPC: .+\); nothing was written\n$/)
    expect(files(disk)).toEqual(['.gitlab-ci.yml', 'ci/release.yml'])
    expect([text(disk, '.gitlab-ci.yml'), text(disk, 'ci/release.yml')]).toEqual([MAIN, RELEASE])
  })

  it('interrupted by real signals at several delays: both files pinned or neither, no temporary file', {
    timeout: 180_000,
  }, async () => {
    const catalog = catalogRepo()
    const bin = fileURLToPath(new URL('../../../../bin/catalog.js', import.meta.url))
    // Large files make the write long enough to be interrupted in the middle.
    const padding = `# ${'x'.repeat(100)}\n`.repeat(120_000)
    const template = testdir({ '.gitlab-ci.yml': MAIN + padding, 'ci/release.yml': RELEASE + padding })
    const pin = async (delay: number | null) => {
      const project = testdir()
      cpSync(template, project, { recursive: true })
      const started = Date.now()
      const child = spawn(
        process.execPath,
        [bin, 'pin', '--catalog', catalogPath, '--checkout', catalog.root],
        {
          cwd: project,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let stderr = ''
      child.stderr.on('data', (chunk) => {
        stderr += chunk
      })
      if (delay !== null) setTimeout(() => child.kill('SIGINT'), delay)
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/internal error|\n {4}at /)
      expect(files(project)).toEqual(['.gitlab-ci.yml', 'ci/release.yml'])
      const pinned = [
        text(project, '.gitlab-ci.yml').includes('kaniko@1.2.0'),
        text(project, 'ci/release.yml').includes('buildah@1.0.0'),
      ]
      expect(pinned[0], `after ${delay} ms (exit ${code}): ${stderr}`).toBe(pinned[1])
      // Pinned: the run finished writing (a signal after that may still end the process before it exits).
      if (pinned[0]) expect(code === 0 || code === null).toBe(true)
      else if (code !== null) {
        expect(stderr).toMatch(
          /^catalog: interrupted by SIGINT: (nothing was written|rolled back: every file is as it was)\n$/,
        )
      }
      return { pinned: pinned[0], took: Date.now() - started }
    }
    // How long a whole run takes here; the signals then come ever closer to its end, where it writes.
    const { pinned, took } = await pin(null)
    expect(pinned).toBe(true)
    const outcomes: string[] = []
    for (const share of [0.5, 0.7, 0.8, 0.85, 0.9, 0.95, 1, 1.05, 1.15, 1.3]) {
      const delay = Math.round(took * share)
      outcomes.push(`${delay} ms: ${(await pin(delay)).pinned ? 'pinned' : 'unchanged'}`)
    }
    console.info(`pin under SIGINT (a run takes ${took} ms): ${outcomes.join(', ')}`)
  })
})
