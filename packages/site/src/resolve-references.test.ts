import { describe, expect, it } from 'vitest'
import { resolveReferences } from './resolve-references.js'
import { latestRelease, sortVersions } from './sort-versions.js'

const latestOf = (...tags: string[]) =>
  latestRelease(
    sortVersions(tags.map((version) => ({ version, date: null, sha: `sha-of-${version}`, changelog: '' }))),
  )

describe('resolveReferences', () => {
  // The docs example in gitlab-components-spec.md §2.3: `~latest` selects 2.1.0.
  it('offers exact, minor, major, ~latest and the SHA of the newest release', () => {
    const references = resolveReferences(
      latestOf('1.0.0', '1.1.0', '1.1.1', '1.2.0', '2.0.0', '2.0.1', '2.1.0', '3.0.0-rc.1'),
    )
    expect(references.map(({ kind, ref }) => [kind, ref])).toEqual([
      ['exact', '2.1.0'],
      ['minor', '2.1'],
      ['major', '2'],
      ['latest', '~latest'],
      ['sha', 'sha-of-2.1.0'],
    ])
  })

  it('keeps a v prefix for the exact tag but not for shorthand versions, which GitLab matches as digits only', () => {
    const references = resolveReferences(latestOf('v1.4.0'))
    expect(references.map(({ ref }) => ref).slice(0, 3)).toEqual(['v1.4.0', '1.4', '1'])
  })

  it('says that partial versions and ~latest resolve only for releases and never pick pre-releases', () => {
    for (const reference of resolveReferences(latestOf('1.4.0'))) {
      const releasesOnly = /only for published catalog releases and never picks a pre-release/.test(
        reference.meaning,
      )
      expect([reference.kind, releasesOnly]).toEqual([
        reference.kind,
        ['minor', 'major', 'latest'].includes(reference.kind),
      ])
    }
    const [exact, , , , sha] = resolveReferences(latestOf('1.4.0'))
    expect(exact?.meaning).toMatch(/safest pin/)
    expect(sha?.meaning).toMatch(/never changes/)
  })

  it('uses placeholders when nothing is released', () => {
    expect(resolveReferences(latestOf('1.0.0-rc.1')).map(({ ref }) => ref)).toEqual([
      '<version>',
      '<major>.<minor>',
      '<major>',
      '~latest',
      '<commit-sha>',
    ])
  })
})
