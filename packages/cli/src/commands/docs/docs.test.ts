import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
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
