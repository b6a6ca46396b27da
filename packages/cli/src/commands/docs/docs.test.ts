import { cpSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, fillDisk, memoryIo, testdir, tmpfs } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { treeSnapshot } from '../../__tests__/tree-snapshot.js'
import { main } from '../../index.js'

// The fixture catalog is copied into a temporary directory (removed after the test) before a command runs on it.
const cleanCatalog = fileURLToPath(new URL('../validate/fixtures/clean-catalog/', import.meta.url))

const README = 'templates/build/README.md'

describe('catalog docs', { timeout: 30_000 }, () => {
  it('--check passes when the generated sections are current', async () => {
    const io = memoryIo(copyFixture(cleanCatalog))
    expect(await main(['docs', '--check'], io)).toBe(0)
    expect(io.out).toBe('catalog docs: 2 files up to date\n')
  })

  it('--check names the drifted file and changes nothing; `docs` then regenerates it', async () => {
    const root = copyFixture(cleanCatalog, {
      'templates/build/template.yml': (text) =>
        text.replace('description: Build context directory.', "description: 'Build context | directory.'"),
    })
    const before = readFileSync(join(root, README), 'utf8')

    const check = memoryIo(root)
    expect(await main(['docs', '--check'], check)).toBe(1)
    expect(check.out).toBe(
      `${README}: generated docs are out of date; run \`npx catalog docs\`\ncatalog docs: 1 of 2 files out of date\n`,
    )
    expect(readFileSync(join(root, README), 'utf8')).toBe(before)

    const write = memoryIo(root)
    expect(await main(['docs'], write)).toBe(0)
    expect(write.out).toBe(`updated ${README}\ncatalog docs: 1 of 2 files updated\n`)
    expect(readFileSync(join(root, README), 'utf8')).toBe(
      before.replace(
        '| `context` | string | `.` |  | Build context directory. |',
        '| `context` | string | `.` |  | Build context \\| directory. |',
      ),
    )
    expect(await main(['docs', '--check'], memoryIo(root))).toBe(0)
  })

  it('--json lists every file with its status', async () => {
    const root = copyFixture(cleanCatalog, {
      'README.md': (text) => text.replace('| unreleased |', '| 0.1.0 |'),
    })
    const io = memoryIo(root)
    expect(await main(['docs', '--check', '--json'], io)).toBe(1)
    expect(JSON.parse(io.out)).toEqual({
      files: [
        { file: README, status: 'unchanged' },
        { file: 'README.md', status: 'out-of-date' },
      ],
    })
  })

  it('refuses a directory without components, in one line', async () => {
    const io = memoryIo(testdir({ 'README.md': '# nothing\n' }))
    expect(await main(['docs'], io)).toBe(1)
    expect(io.err).toBe(
      'catalog: no components under templates/ here: run `catalog docs` at the root of the catalog\n',
    )
  })
})

describe('catalog docs never overwrites good documentation', { timeout: 30_000 }, () => {
  const broken: Record<string, (text: string) => string> = {
    'a malformed template': (text) => text.replace('inputs:', 'inputs: [').replace('---', ''),
    'a binary template': () => '\u0000\u0001\u0002binary',
    'an oversized template': (text) => `${text}\n# ${'x'.repeat(4 * 1024 * 1024)}\n`,
  }

  it.each(Object.entries(broken))('refuses %s in one line and writes nothing', async (_name, change) => {
    const root = copyFixture(cleanCatalog, {
      'templates/build/template.yml': change,
      'README.md': (text) => text.replace('| unreleased |', '| 0.1.0 |'),
    })
    const before = [readFileSync(join(root, README), 'utf8'), readFileSync(join(root, 'README.md'), 'utf8')]
    const io = memoryIo(root)
    expect(await main(['docs'], io)).toBe(1)
    expect(io.err).toMatch(
      /^catalog: templates\/build\/template\.yml: .+; fix the template first .+, nothing was written\n$/,
    )
    expect([readFileSync(join(root, README), 'utf8'), readFileSync(join(root, 'README.md'), 'utf8')]).toEqual(
      before,
    )
  })

  it('on a full disk writes neither README, leaves no temporary file, and says so', async (context) => {
    const disk = tmpfs(context, { size: '1m' })
    const root = copyFixture(cleanCatalog, {
      'templates/build/template.yml': (text) =>
        text.replace('Build context directory.', 'Build context folder.'),
      'README.md': (text) => text.replace('| unreleased |', '| 0.1.0 |'),
    })
    cpSync(root, disk, { recursive: true })
    fillDisk(disk, 4096)
    const before = treeSnapshot(disk)
    const io = memoryIo(disk)
    expect(await main(['docs'], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write the generated docs \(ENOSPC: .+\); nothing was written\n$/)
    expect(treeSnapshot(disk)).toEqual(before)
  })
})
