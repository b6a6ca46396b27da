import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { gitdir, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { loadVersions, readChangelog } from './load-versions.js'

const CHANGELOG = `# Changelog

## 1.1.0 (2026-02-01)

### build

- faster

## 1.0.0 (2026-01-01)

- first
`

describe('loadVersions', () => {
  it('lists the version tags newest version first, with their commit and CHANGELOG section', () => {
    const repo = gitdir({ 'CHANGELOG.md': CHANGELOG })
    const sha = repo.git('rev-parse', 'HEAD')
    repo.git('tag', '-a', '1.0.0', '-m', '1.0.0')
    repo.git('tag', 'not-a-version')
    repo.git('tag', '-a', 'v1.1.0', '-m', 'v1.1.0')
    repo.git('tag', '1.1.0-rc.10')
    repo.git('tag', '1.1.0-rc.2')
    const versions = loadVersions(repo.root)
    expect(versions.map(({ version, sha, changelog }) => ({ version, sha, changelog }))).toEqual([
      { version: 'v1.1.0', sha, changelog: '### build\n\n- faster' },
      { version: '1.1.0-rc.10', sha, changelog: '' },
      { version: '1.1.0-rc.2', sha, changelog: '' },
      { version: '1.0.0', sha, changelog: '- first' },
    ])
    expect(versions[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
  })

  it('has no versions outside a git repository', () => {
    expect(loadVersions(testdir({ 'CHANGELOG.md': CHANGELOG }))).toEqual([])
  })
})

describe('readChangelog', () => {
  it('reads CHANGELOG.md, or null when there is none', () => {
    expect(readChangelog(testdir({ 'CHANGELOG.md': CHANGELOG }))).toBe(CHANGELOG)
    expect(readChangelog(testdir({}))).toBeNull()
  })

  it('refuses a CHANGELOG.md it cannot read with a one-line CatalogFileError', () => {
    const root = testdir({})
    symlinkSync('CHANGELOG.md', join(root, 'CHANGELOG.md'))
    expect(() => readChangelog(root)).toThrow(
      'CHANGELOG.md: is a symbolic link (to CHANGELOG.md): the catalog reads regular files only; commit the file itself',
    )
  })
})
