import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../index.js'
import { treeSnapshot } from './tree-snapshot.js'

// The CLI's bad-input suite: every command that reads the catalog, on trees a file system can hold but a catalog
// cannot (links, loops, FIFOs, devices, names that are not UTF-8). Each run ends within the test's timeout, prints
// one line and no trace, exits 1 and changes nothing.
const cleanCatalog = fileURLToPath(new URL('../commands/validate/fixtures/clean-catalog/', import.meta.url))
const TEMPLATE = 'templates/build/template.yml'

const oddTrees: { name: string; make: (root: string) => void; file: string; problem: string }[] = [
  {
    name: 'a symbolic link loop in templates/',
    make: (root) => symlinkSync('loop', join(root, 'templates/loop')),
    file: 'templates/loop',
    problem: 'is a symbolic link (to loop)',
  },
  {
    name: 'a link to the parent folder',
    make: (root) => symlinkSync('..', join(root, 'templates/up')),
    file: 'templates/up',
    problem: 'is a symbolic link (to ..)',
  },
  {
    name: 'a dangling template link',
    make: (root) => {
      rmSync(join(root, TEMPLATE))
      symlinkSync('missing.yml', join(root, TEMPLATE))
    },
    file: TEMPLATE,
    problem: 'is a symbolic link (to missing.yml)',
  },
  {
    name: 'a template linked to itself',
    make: (root) => {
      rmSync(join(root, TEMPLATE))
      symlinkSync('template.yml', join(root, TEMPLATE))
    },
    file: TEMPLATE,
    problem: 'is a symbolic link (to template.yml)',
  },
  {
    name: 'a template linked to /dev/zero',
    make: (root) => {
      rmSync(join(root, TEMPLATE))
      symlinkSync('/dev/zero', join(root, TEMPLATE))
    },
    file: TEMPLATE,
    problem: 'is a symbolic link (to /dev/zero)',
  },
  {
    name: 'a FIFO template',
    make: (root) => {
      rmSync(join(root, TEMPLATE))
      execFileSync('mkfifo', [join(root, TEMPLATE)])
    },
    file: TEMPLATE,
    problem: 'is a FIFO, not a regular file',
  },
  {
    name: 'a folder name that is not UTF-8',
    make: (root) => {
      const dir = Buffer.concat([Buffer.from(join(root, 'templates/caf')), Buffer.from([0xe9])])
      mkdirSync(dir)
      writeFileSync(Buffer.concat([dir, Buffer.from('/template.yml')]), 'job:\n  script: [x]\n')
    },
    file: 'templates/caf\\xe9',
    problem: 'the name is not valid UTF-8',
  },
]

const commands: { name: string; args: (root: string) => string[] }[] = [
  { name: 'docs', args: () => ['docs'] },
  { name: 'docs --check', args: () => ['docs', '--check'] },
  { name: 'list', args: () => ['list'] },
  { name: 'show', args: () => ['show', 'build'] },
  { name: 'site', args: (root) => ['site', '--out', join(root, '..', `${root.split('/').at(-1)}-site`)] },
]

describe.each(oddTrees)('$name', { timeout: 30_000 }, ({ make, file, problem }) => {
  it.each(commands)('$name refuses it in one line, exit 1, changing nothing', async ({ args }) => {
    const root = copyFixture(cleanCatalog)
    make(root)
    const before = treeSnapshot(root)
    const io = memoryIo(root)
    const code = await main(args(root), io)
    expect(io.err.split('\n')[0]).toContain(`catalog: ${file}: ${problem}`)
    expect(io.err).not.toMatch(/internal error|\n {4}at /)
    expect(io.err.trimEnd().split('\n')).toHaveLength(1)
    expect(code).toBe(1)
    expect(treeSnapshot(root)).toEqual(before)
  })

  it('validate reports it as a finding and exits 1', async () => {
    const root = copyFixture(cleanCatalog)
    make(root)
    const io = memoryIo(root)
    expect(await main(['validate', '--rule', 'catalog-file-unreadable'], io)).toBe(1)
    expect(io.out).toContain(`${file}:1: catalog-file-unreadable: \`${file}\` ${problem}`)
    expect(io.err).toBe('')
  })
})

it('the site is not written when the catalog has an unreadable file', async () => {
  const root = copyFixture(cleanCatalog)
  symlinkSync('loop', join(root, 'templates/loop'))
  const out = join(testdir(), 'site')
  expect(await main(['site', '--out', out], memoryIo(root))).toBe(1)
  expect(treeSnapshot(join(out, '..'))).toEqual({})
})
