import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, cpSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, testdir, unprivileged } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { treeSnapshot } from './tree-snapshot.js'

// The bad-input suite through the real bin: what cannot be tried in-process (a file only root can read, a
// command that might hang, real signals). Each run must end on its own, print no trace and leave no half tree.

const bin = fileURLToPath(new URL('../../bin/catalog.js', import.meta.url))
const cleanCatalog = fileURLToPath(new URL('../commands/validate/fixtures/clean-catalog/', import.meta.url))
const TEMPLATE = 'templates/build/template.yml'

function catalog(args: string[], cwd: string, options: { uid?: number; gid?: number } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 30_000,
    ...options,
  })
  expect(result.signal, `catalog ${args.join(' ')} did not end on its own`).toBeNull()
  expect(result.stderr).not.toMatch(/internal error|\n {4}at /)
  return result
}

const readingCommands = (out: string): string[][] => [
  ['validate'],
  ['docs'],
  ['list'],
  ['show', 'build'],
  ['site', '--out', out],
]

describe('an unreadable template (as an unprivileged user: root reads anything)', {
  timeout: 120_000,
}, () => {
  it.each(readingCommands('/tmp/never-written-site'))('catalog %s: one line, exit 1', (...args) => {
    const root = copyFixture(cleanCatalog)
    chmodSync(root, 0o755)
    chmodSync(join(root, TEMPLATE), 0o000)
    const before = treeSnapshot(root)
    const result = catalog(args, root, unprivileged())
    expect(result.status).toBe(1)
    const problem = `${TEMPLATE}: cannot be read: permission denied`
    if (args[0] === 'validate')
      expect(result.stdout).toContain(
        `${TEMPLATE}:1: catalog-file-unreadable: \`${problem.replace(': ', '` ')}`,
      )
    else expect(result.stderr).toBe(`catalog: ${problem}\n`)
    expect(treeSnapshot(root)).toEqual(before)
  })
})

describe('templates that could hang a reader end in one line', { timeout: 180_000 }, () => {
  const kinds: [string, (path: string) => void][] = [
    ['a FIFO', (path) => execFileSync('mkfifo', [path])],
    ['a link to /dev/zero', (path) => symlinkSync('/dev/zero', path)],
  ]
  it.each(kinds)('%s', (_kind, make) => {
    const root = copyFixture(cleanCatalog)
    rmSync(join(root, TEMPLATE))
    make(join(root, TEMPLATE))
    const out = join(testdir(), 'site')
    for (const args of [...readingCommands(out), ['render', TEMPLATE]]) {
      const result = catalog(args, root)
      expect(result.status, `catalog ${args.join(' ')}: ${result.stderr}`).toBe(args[0] === 'render' ? 2 : 1)
      if (args[0] !== 'validate') expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    }
    for (const command of ['pin', 'outdated']) {
      const result = catalog([command, '--catalog', 'g/p', '--checkout', '.', '--file', TEMPLATE], root)
      expect(result.status, `catalog ${command}: ${result.stderr}`).toBe(1)
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    }
  })
})

describe('writing commands under real signals: the whole result or nothing', { timeout: 240_000 }, () => {
  const changed = (root: string) =>
    copyFixture(root, {
      [TEMPLATE]: (text) => text.replace('Build context directory.', 'Build context folder.'),
      'README.md': (text) => text.replace('| unreleased |', '| 0.1.0 |'),
    })
  const leftovers = (dir: string) =>
    readdirSync(dir, { recursive: true }).filter((name) =>
      /\.catalog-\d+-\d+\.(tmp|bak)$|^\.site-/.test(String(name)),
    )

  it.each([
    ['docs', [] as string[]],
    ['site', ['--out', 'public', '--force']],
    ['validate', ['--format', 'codequality', '--output', 'report.json']],
    ['changeset', ['--bump', 'patch', '--message', 'build: clearer docs']],
  ])('catalog %s', async (command, extra) => {
    const template = changed(cleanCatalog)
    // changeset compares with release tags: the catalog is a git repository.
    if (command === 'changeset') execFileSync('git', ['init', '-q'], { cwd: template })
    const seen = new Set<string>()
    for (const delay of [100, 250, 400, 600, 900, 1400]) {
      const root = testdir()
      cpSync(template, root, { recursive: true })
      const before = treeSnapshot(root)
      const child = spawn(process.execPath, [bin, command, ...extra], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stderr = ''
      child.stderr.on('data', (chunk) => {
        stderr += chunk
      })
      setTimeout(() => child.kill('SIGINT'), delay)
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(stderr).not.toMatch(/internal error|\n {4}at /)
      expect(leftovers(root)).toEqual([])
      const after = treeSnapshot(root)
      const untouched = JSON.stringify(after) === JSON.stringify(before)
      if (untouched) seen.add('unchanged')
      else {
        // Done: every file the command writes is there and whole (a later run changes nothing more).
        seen.add('done')
        expect(code === 0 || code === 1 || code === null, `exit ${code}`).toBe(true)
        if (command === 'docs') {
          const again = spawnSync(process.execPath, [bin, command, ...extra], { cwd: root, encoding: 'utf8' })
          expect(again.stderr).not.toMatch(/internal error/)
        }
        if (command === 'docs') expect(treeSnapshot(root)).toEqual(after)
        if (command === 'changeset') {
          const added = Object.keys(after).filter((path) => path.startsWith('.changeset/'))
          expect(added).toHaveLength(1)
        }
      }
      if (code === 130) expect(stderr).toMatch(/^catalog: interrupted by SIGINT: .+\n$/)
    }
    console.info(`catalog ${command} under SIGINT: ${[...seen].join(', ')}`)
  })
})
