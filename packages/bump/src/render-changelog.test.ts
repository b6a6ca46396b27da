import { describe, expect, it } from 'vitest'
import {
  changelogSectionBody,
  groupChangesets,
  insertChangelogSection,
  renderChangelogSection,
  topChangelogVersion,
} from './render-changelog.js'

const changeset = (text: string) => ({ file: '.changeset/x.md', level: 'patch' as const, text })
const components = ['buildx-cache', 'kaniko', 'kaniko-proxy']

describe('groupChangesets', () => {
  it('groups by the component named before the first colon, in component order, Other last', () => {
    const groups = groupChangesets(
      [
        changeset('kaniko: new `cache_ttl` input'),
        changeset('Docs: typo'),
        changeset('buildx-cache: faster'),
        changeset('kaniko: fix proxy'),
        changeset('No component here'),
      ],
      components,
    )
    expect(groups).toEqual([
      { component: 'buildx-cache', entries: ['faster'] },
      { component: 'kaniko', entries: ['new `cache_ttl` input', 'fix proxy'] },
      { component: 'Other', entries: ['Docs: typo', 'No component here'] },
    ])
  })
  it('puts an entry naming several components in each group', () => {
    expect(groupChangesets([changeset('kaniko, kaniko-proxy: bump image')], components)).toEqual([
      { component: 'kaniko', entries: ['bump image'] },
      { component: 'kaniko-proxy', entries: ['bump image'] },
    ])
  })
})

describe('renderChangelogSection', () => {
  it('writes the heading with date, groups and entries, indenting continuation lines', () => {
    const section = renderChangelogSection(
      '1.4.0',
      '2026-11-23',
      groupChangesets([changeset('kaniko: first line\nsecond line'), changeset('misc')], components),
    )
    expect(section).toBe(
      '## 1.4.0 (2026-11-23)\n\n### kaniko\n\n- first line\n  second line\n\n### Other\n\n- misc\n',
    )
  })
})

describe('insertChangelogSection', () => {
  const section = '## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n'
  it('puts the new section after the title, keeping older ones', () => {
    const existing = '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n### Other\n\n- old\n'
    expect(insertChangelogSection(existing, section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n\n## 1.0.0 (2026-01-01)\n\n### Other\n\n- old\n',
    )
  })
  it('creates the file with its title', () => {
    expect(insertChangelogSection(null, section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n',
    )
  })
  it('adds the title to a file without one', () => {
    expect(insertChangelogSection('## 1.0.0\n\n- old\n', section)).toBe(
      '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### Other\n\n- new\n\n## 1.0.0\n\n- old\n',
    )
  })
})

describe('reading a changelog', () => {
  const text =
    '# Changelog\n\n## 1.1.0 (2026-11-23)\n\n### kaniko\n\n- new\n\n## 1.0.0 (2026-01-01)\n\n- old\n'
  it('finds the top version and one section body', () => {
    expect(topChangelogVersion(text)).toBe('1.1.0')
    expect(changelogSectionBody(text, '1.1.0')).toBe('### kaniko\n\n- new')
    expect(changelogSectionBody(text, '1.0.0')).toBe('- old')
    expect(changelogSectionBody(text, '1.0')).toBeNull()
    expect(topChangelogVersion('# Changelog\n')).toBeNull()
  })
})
