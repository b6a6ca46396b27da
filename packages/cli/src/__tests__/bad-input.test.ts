import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, fillDisk, gitdir, memoryIo, testdir, tmpfs } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../index.js'
import { treeSnapshot } from './tree-snapshot.js'

// The CLI's bad-input suite: every command that reads the catalog, on trees a file system can hold but a catalog
// cannot (links, loops, FIFOs, devices, names that are not UTF-8). Each run ends within the test's timeout, prints
// one line and no trace, exits 1 and changes nothing.
const cleanCatalog = fileURLToPath(new URL('../commands/validate/fixtures/clean-catalog/', import.meta.url))
const TEMPLATE = 'templates/build/template.yml'

/** Replaces the template with what `make` puts at its path. */
const asTemplate = (make: (path: string) => void) => (root: string) => {
  rmSync(join(root, TEMPLATE))
  make(join(root, TEMPLATE))
}

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
    make: asTemplate((path) => symlinkSync('missing.yml', path)),
    file: TEMPLATE,
    problem: 'is a symbolic link (to missing.yml)',
  },
  {
    name: 'a template linked to itself',
    make: asTemplate((path) => symlinkSync('template.yml', path)),
    file: TEMPLATE,
    problem: 'is a symbolic link (to template.yml)',
  },
  {
    name: 'a template linked to /dev/zero',
    make: asTemplate((path) => symlinkSync('/dev/zero', path)),
    file: TEMPLATE,
    problem: 'is a symbolic link (to /dev/zero)',
  },
  {
    name: 'a FIFO template',
    make: asTemplate((path) => execFileSync('mkfifo', [path])),
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

describe('render: the file it is given', { timeout: 30_000 }, () => {
  const odd: [string, (dir: string) => string, string][] = [
    ['/dev/zero', () => '/dev/zero', 'is a device, not a regular file'],
    ['a link to /dev/zero', (dir) => link(dir, '/dev/zero'), 'is a device, not a regular file'],
    ['a FIFO', (dir) => fifo(dir), 'is a FIFO, not a regular file'],
    ['a link loop', (dir) => link(dir, 'template.yml'), 'is a symbolic link loop'],
    ['a dangling link', (dir) => link(dir, 'gone.yml'), 'is a dangling symbolic link (to gone.yml)'],
    ['a directory', (dir) => dir, 'is a directory, not a regular file'],
  ]
  const link = (dir: string, target: string) => {
    symlinkSync(target, join(dir, 'template.yml'))
    return join(dir, 'template.yml')
  }
  const fifo = (dir: string) => {
    execFileSync('mkfifo', [join(dir, 'template.yml')])
    return join(dir, 'template.yml')
  }
  const latin1 = (dir: string, name: string) => {
    writeFileSync(join(dir, name), Buffer.from('job:\n  script: [caf\xe9]\n', 'latin1'))
    return join(dir, name)
  }

  it.each(odd)('%s: refused in one line, exit 2', async (_name, make, problem) => {
    const dir = testdir()
    const file = make(dir)
    const io = memoryIo(dir)
    expect(await main(['render', file], io)).toBe(2)
    expect(io.err).toBe(`cannot read file \`${file}\`: it ${problem}\n`)
  })

  // A component that is not UTF-8 is GitLab's reader error (exit 1, render.test.ts); a file of ours is refused.
  it('an --inputs-file that is not UTF-8 text: refused in one line, exit 2', async () => {
    const dir = testdir({ 't.yml': 'job:\n  script: [echo]\n' })
    const inputs = latin1(dir, 'inputs.yml')
    const io = memoryIo(dir)
    expect(await main(['render', 't.yml', '--inputs-file', inputs], io)).toBe(2)
    expect(io.err).toBe(`cannot read --inputs-file \`${inputs}\`: it is not UTF-8 text\n`)
  })

  it('renders !!binary as the text it encodes, not a Buffer object', async () => {
    const dir = testdir({
      't.yml': 'job:\n  script: [echo]\n  variables:\n    GREETING: !!binary aGVsbG8=\n',
    })
    const yaml = memoryIo(dir)
    expect(await main(['render', 't.yml'], yaml)).toBe(0)
    expect(yaml.out).toBe('job:\n  script:\n    - echo\n  variables:\n    GREETING: hello\n')
    const json = memoryIo(dir)
    expect(await main(['render', 't.yml', '--json'], json)).toBe(0)
    expect(JSON.parse(json.out).config.job.variables).toEqual({ GREETING: 'hello' })
  })
})

describe('a template that does not load', { timeout: 30_000 }, () => {
  const brokenCatalog = () =>
    copyFixture(cleanCatalog, { [TEMPLATE]: (text) => text.replace('inputs:', 'inputs: [') })

  it('list lists it, names the problem on stderr and exits 1', async () => {
    const io = memoryIo(brokenCatalog())
    expect(await main(['list'], io)).toBe(1)
    expect(io.out).toMatch(/^COMPONENT/)
    expect(io.err).toMatch(/^catalog: templates\/build\/template\.yml: The spec header is invalid: .+\n$/)
  })

  it('show shows the problem and exits 1', async () => {
    const io = memoryIo(brokenCatalog())
    expect(await main(['show', 'build'], io)).toBe(1)
    expect(io.out).toContain('problem: The spec header is invalid:')
  })
})

describe('site --out where it cannot write', { timeout: 30_000 }, () => {
  it('under a read-only parent: one line, exit 1, nothing written', async (context) => {
    const readOnly = tmpfs(context, { size: '64k', readOnly: true })
    const io = memoryIo(copyFixture(cleanCatalog))
    expect(await main(['site', '--out', join(readOnly, 'public')], io)).toBe(1)
    expect(io.err).toMatch(
      /^catalog: cannot write the site to .+\/public \(EROFS: .+\); nothing was written\n$/,
    )
  })

  it('a link loop as --out: one line, exit 1', async () => {
    const out = join(testdir(), 'public')
    symlinkSync('public', out)
    const io = memoryIo(copyFixture(cleanCatalog))
    expect(await main(['site', '--out', out], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write the site to .+ \(E\w+: .+\); .+\n$/)
    expect(io.err.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('a full disk', { timeout: 60_000 }, () => {
  /** The clean catalog on a small tmpfs with only `leave` bytes free. */
  const fullCatalog = (context: Parameters<typeof tmpfs>[0], leave = 4096) => {
    const disk = tmpfs(context, { size: '2m' })
    cpSync(copyFixture(cleanCatalog), disk, { recursive: true })
    fillDisk(disk, leave)
    return disk
  }

  it('site: the old site stays, no staging directory is left, one line', async (context) => {
    const disk = fullCatalog(context, 64 * 1024)
    mkdirSync(join(disk, 'public'))
    writeFileSync(join(disk, 'public/old.html'), 'old site')
    fillDisk(disk, 0)
    const before = treeSnapshot(disk)
    const io = memoryIo(disk)
    expect(await main(['site', '--out', 'public', '--force'], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write the site to .+ \(ENOSPC: .+\); .+ was not changed\n$/)
    expect(treeSnapshot(disk)).toEqual(before)
  })

  it('validate --output: the report is whole or absent, never half written', async (context) => {
    const disk = fullCatalog(context, 0)
    const io = memoryIo(disk)
    expect(await main(['validate', '--format', 'codequality', '--output', 'report.json'], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write report\.json \(ENOSPC: .+\); nothing was written\n$/)
    expect(treeSnapshot(disk)['report.json']).toBeUndefined()
  })

  it('changeset: no half-written changeset is left for release to trip over', async (context) => {
    const disk = tmpfs(context, { size: '2m' })
    const repo = gitdir({ 'templates/a/template.yml': 'job:\n  script: [x]\n' })
    cpSync(repo.root, disk, { recursive: true })
    fillDisk(disk, 0)
    const before = treeSnapshot(disk)
    const io = memoryIo(disk)
    expect(await main(['changeset', '--bump', 'patch', '--message', 'a: fix'], io)).toBe(1)
    expect(io.err).toMatch(/^catalog: cannot write .+ \(ENOSPC: .+\); nothing was written\n$/)
    expect(treeSnapshot(disk)).toEqual(before)
  })

  it('release: nothing changed, one line, when git runs out of space for the release', async (context) => {
    const disk = tmpfs(context, { size: '4m' })
    const repo = gitdir({
      'templates/a/template.yml': 'job:\n  script: [x]\n',
      '.changeset/a.md': '---\n"container-build-catalog": minor\n---\n\na: first\n',
    })
    const root = join(disk, 'repo')
    cpSync(repo.root, root, { recursive: true })
    // A fresh index (the copy's is stale), so the first write that fails is the release's own objects.
    execFileSync('git', ['status', '--porcelain'], { cwd: root })
    fillDisk(disk, 0)
    const head = readFileSync(join(root, '.git/HEAD'), 'utf8')
    const before = treeSnapshot(root)
    const { run } = await import('../commands/release/index.js')
    const io = memoryIo(root)
    const validate = async () => ({ ok: true, summary: '' })
    await expect(run(['--date', '2026-11-23'], io, { validate })).rejects.toThrow(
      /^preparing the release commit failed \(.*(No space left on device|Out of diskspace|ENOSPC).*\); nothing was changed$/,
    )
    expect(treeSnapshot(root)).toEqual(before)
    expect(readFileSync(join(root, '.git/HEAD'), 'utf8')).toBe(head)
  })
})
