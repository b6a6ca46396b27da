import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { isChangesetFile, loadChangesets } from './load-changesets.js'

describe('loadChangesets', () => {
  it('reads every .changeset/*.md but the README, sorted', () => {
    const root = testdir({
      '.changeset/README.md': '# Changesets\n',
      '.changeset/b-two.md': 'two',
      '.changeset/a-one.md': 'one',
      '.changeset/notes.txt': 'not a changeset',
    })
    expect(loadChangesets(root)).toEqual([
      { file: '.changeset/a-one.md', contents: 'one' },
      { file: '.changeset/b-two.md', contents: 'two' },
    ])
  })

  it('is empty without a .changeset folder', () => {
    expect(loadChangesets(testdir({}))).toEqual([])
  })

  it('refuses a changeset it cannot read in one line', () => {
    const root = testdir({ '.changeset/README.md': '' })
    symlinkSync('/dev/zero', join(root, '.changeset/zero.md'))
    expect(() => loadChangesets(root)).toThrow(
      /^\.changeset\/zero\.md: is a symbolic link \(to \/dev\/zero\)/,
    )
  })

  it('knows which files are changesets', () => {
    expect(['brave-cats.md', 'README.md', 'config.json'].map(isChangesetFile)).toEqual([true, false, false])
  })
})
