import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseChangeset } from '@catalog/bump'
import { type GitDir, gitdir, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo, PASSING_TEMPLATE } from '../../release/__tests__/catalog-repo.js'

const INPUT = (name: string) => `    ${name}:\n      default: x\n      description: '${name}.'`
const template = (inputs: string[]) =>
  `spec:\n  inputs:\n${inputs.map(INPUT).join('\n')}\n---\njob:\n  script:\n${inputs.map((name) => `    - echo "$[[ inputs.${name} ]]"`).join('\n')}\n`

/** A catalog released as 1.0.0 with one component, `hello`, whose inputs are `inputs`. */
function released(inputs = ['greeting', 'name']): GitDir {
  const repo = gitdir({
    'templates/hello/template.yml': template(inputs),
    '.changeset/README.md': '# Changesets\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n- first\n',
  })
  repo.git('tag', '-a', '1.0.0', '-m', '1.0.0')
  return repo
}

const pending = (repo: GitDir) =>
  readdirSync(join(repo.root, '.changeset')).filter((name) => name !== 'README.md')

async function catalog(repo: GitDir, args: string[]) {
  const io = memoryIo(repo.root)
  const code = await main(args, io)
  return { code, out: io.out, err: io.err }
}

describe('catalog changeset', () => {
  it('writes a changeset for the catalog that catalog release reads', async () => {
    const repo = released()
    const result = await catalog(repo, [
      'changeset',
      '--bump',
      'minor',
      '--message',
      'hello: new `greeting` input',
    ])
    expect(result.code).toBe(0)
    const [name] = pending(repo)
    expect(name).toMatch(/^[a-z]+-[a-z]+-[a-z]+\.md$/)
    const file = `.changeset/${name}`
    const contents = readFileSync(join(repo.root, file), 'utf8')
    expect(contents).toBe('---\n"container-build-catalog": minor\n---\n\nhello: new `greeting` input\n  ')
    expect(parseChangeset(file, contents)).toEqual({
      ok: true,
      changeset: { file, level: 'minor', text: 'hello: new `greeting` input' },
    })
    expect(result.out).toContain(`Added ${file}\n`)
    expect(result.out).toContain('The changesets ask for: minor\nThe templates need: none\n')
  })

  it('warns when the new changeset asks for less than the templates need', async () => {
    const repo = released()
    writeFileSync(join(repo.root, 'templates/hello/template.yml'), template(['greeting']))
    const result = await catalog(repo, ['changeset', '--bump', 'patch', '--message', 'hello: drop `name`'])
    expect(result.code).toBe(0)
    expect(result.err).toContain(
      'catalog: warning: the changesets ask for a patch release, but the templates changed in ways that need major:',
    )
    expect(result.err).toContain('hello: input `name` was removed (major)')
  })

  it('refuses a missing or unknown bump, a missing message and stray arguments, writing nothing', async () => {
    const repo = released()
    for (const args of [
      ['changeset', '--message', 'x'],
      ['changeset', '--bump', 'huge', '--message', 'x'],
      ['changeset', '--bump', 'minor'],
      ['changeset', '--bump', 'minor', '--message', '  '],
      ['changeset', 'add', '--bump', 'minor', '--message', 'x'],
      ['changeset', 'status', '--bump', 'minor'],
    ]) {
      const result = await catalog(repo, args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.err).toMatch(/^catalog: .+\n\nUsage: catalog changeset/)
    }
    expect(pending(repo)).toEqual([])
  })

  it('is a one-line error outside a git repository', async () => {
    const io = memoryIo(testdir())
    expect(await main(['changeset', 'status'], io)).toBe(1)
    expect(io.err).toMatch(
      /^catalog: .+ is not in a git repository: changesets are compared with release tags\n$/,
    )
  })
})

describe('catalog changeset status', () => {
  it('exits 1 when the templates changed and no changeset is pending, naming the bump to add', async () => {
    const repo = released()
    writeFileSync(join(repo.root, 'templates/hello/template.yml'), template(['greeting', 'name', 'extra']))
    const result = await catalog(repo, ['changeset', 'status'])
    expect(result.code).toBe(1)
    expect(result.out).toContain(
      'Pending changesets (0):\nThe changesets ask for: none\nThe templates need: minor\n',
    )
    expect(result.out).toContain('  - hello: new optional input `extra` (minor)')
    expect(result.err).toBe(
      "catalog: the templates changed since 1.0.0 in ways that need a minor release, and no changeset is pending: add one with `catalog changeset --bump minor --message '<component>: <what changed>'`\n",
    )
  })

  it('exits 1 on a changeset release cannot read, and 0 when the changesets cover the change', async () => {
    const repo = released()
    writeFileSync(join(repo.root, '.changeset/bad.md'), '---\n"@catalog/cli": patch\n---\n\nx\n')
    const bad = await catalog(repo, ['changeset', 'status', '--json'])
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.out).problems[0]).toContain(
      '.changeset/bad.md: expected only "container-build-catalog"',
    )
    execFileSync('rm', [join(repo.root, '.changeset/bad.md')])
    expect((await catalog(repo, ['changeset', '--bump', 'patch', '--message', 'Docs.'])).code).toBe(0)
    const good = await catalog(repo, ['changeset', 'status'])
    expect([good.code, good.err]).toEqual([0, ''])
  })
})

// The flow .changeset/README.md documents, as a user runs it: `npx catalog changeset` (the installed bin), then
// `catalog changeset status`, a commit, and `catalog release` with the real validate gate, in a fresh repository.
it('the documented flow: npx catalog changeset, status, commit, catalog release', {
  timeout: 120_000,
}, async () => {
  const repo = await catalogRepo(PASSING_TEMPLATE, { '.changeset/README.md': '# Changesets\n' }, 'a catalog')
  const npx = (...args: string[]) =>
    spawnSync('npx', ['--no-install', 'catalog', ...args], {
      cwd: repo.root,
      encoding: 'utf8',
      env: process.env,
    })
  const added = npx('changeset', '--bump', 'minor', '--message', 'hello: first release')
  expect(added.stderr).toBe('')
  expect(added.status).toBe(0)
  expect(added.stdout).toMatch(/^Added \.changeset\/[a-z-]+\.md\n/)
  const status = npx('changeset', 'status')
  expect([status.status, status.stderr]).toEqual([0, ''])
  expect(status.stdout).toContain('The changesets ask for: minor')
  repo.commit('hello: first release')
  const released = npx('release', '--date', '2026-11-23')
  expect(released.stderr).toBe('')
  expect(released.status).toBe(0)
  expect(repo.git('tag', '--list')).toBe('1.0.0')
  expect(repo.git('show', '1.0.0:CHANGELOG.md')).toBe(
    '# Changelog\n\n## 1.0.0 (2026-11-23)\n\n### hello\n\n- first release',
  )
  expect(repo.git('status', '--porcelain')).toBe('')
})
