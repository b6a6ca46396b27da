import { describe, expect, it } from 'vitest'
import {
  changelogSection,
  componentChanges,
  insertChangelogSection,
  parseChangelog,
  renderChangelogSection,
  topChangelogVersion,
} from './changelog.js'

const TEXT = `# Changelog

## 1.1.0 (2026-11-23)

### kaniko

- new

## Unreleased notes

- not a version

## [v1.0.0] - 2026-01-01

- old
`

describe('reading a changelog', () => {
  it('splits it into version sections, in file order, skipping headings that are not versions', () => {
    expect(parseChangelog(TEXT)).toEqual([
      { version: '1.1.0', heading: '## 1.1.0 (2026-11-23)', body: '### kaniko\n\n- new' },
      { version: 'v1.0.0', heading: '## [v1.0.0] - 2026-01-01', body: '- old' },
    ])
  })

  it('finds the top version and one section, with or without v', () => {
    expect(topChangelogVersion(TEXT)).toBe('1.1.0')
    expect(changelogSection(TEXT, '1.1.0')?.body).toBe('### kaniko\n\n- new')
    expect(changelogSection(TEXT, '1.0.0')?.body).toBe('- old')
    expect(changelogSection(TEXT, 'v1.1.0')?.version).toBe('1.1.0')
    expect(changelogSection(TEXT, '1.0')).toBeNull()
    expect(topChangelogVersion('# Changelog\n')).toBeNull()
  })

  it('a pre-release heading is a section too (1.0.0-rc.10)', () => {
    expect(topChangelogVersion('## 1.0.0-rc.10 (2026-01-01)\n\n- rc\n')).toBe('1.0.0-rc.10')
  })
})

describe('componentChanges', () => {
  const body = `### buildah
- Add \`storage_driver\`.
### kaniko
- Fix the cache
  on retries.
- Drop \`insecure\`.

### Other
- Docs.`

  it("returns the entries under the component's heading, joining continuation lines", () => {
    expect(componentChanges(body, 'kaniko')).toEqual(['Fix the cache on retries.', 'Drop `insecure`.'])
    expect(componentChanges(body, 'buildah')).toEqual(['Add `storage_driver`.'])
  })

  it('returns nothing for a component the release did not change', () => {
    expect(componentChanges(body, 'cosign-sign')).toEqual([])
    expect(componentChanges('', 'kaniko')).toEqual([])
  })
})

describe('writing a changelog', () => {
  it('renders the heading with date, groups and entries, indenting continuation lines', () => {
    expect(
      renderChangelogSection('1.4.0', '2026-11-23', [
        { component: 'kaniko', entries: ['first line\nsecond line'] },
        { component: 'Other', entries: ['misc'] },
      ]),
    ).toBe('## 1.4.0 (2026-11-23)\n\n### kaniko\n\n- first line\n  second line\n\n### Other\n\n- misc\n')
  })

  const section = '## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n'
  it('puts the new section after the title, keeping older ones', () => {
    const existing = '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n### Other\n\n- old\n'
    expect(insertChangelogSection(existing, section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n\n## 1.0.0 (2026-01-01)\n\n### Other\n\n- old\n',
    )
  })

  it('creates the file with its title, and adds the title to a file without one', () => {
    expect(insertChangelogSection(null, section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n',
    )
    expect(insertChangelogSection('## 1.0.0\n\n- old\n', section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n\n## 1.0.0\n\n- old\n',
    )
  })

  it('reads back what it writes', () => {
    const written = insertChangelogSection(
      null,
      renderChangelogSection('2.0.0', '2026-12-01', [{ component: 'kaniko', entries: ['x'] }]),
    )
    expect(parseChangelog(written)).toEqual([
      { version: '2.0.0', heading: '## 2.0.0 (2026-12-01)', body: '### kaniko\n\n- x' },
    ])
  })
})
