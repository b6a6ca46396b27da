import { describe, expect, it } from 'vitest'
import { latestRelease, sortVersions } from './sort-versions.js'

const versions = (...tags: string[]) =>
  tags.map((version) => ({ version, date: null, sha: null, changelog: '' }))
const tags = (list: { version: string }[]) => list.map((entry) => entry.version)

describe('sortVersions', () => {
  it('orders by semver precedence, newest first, and drops tags that are not semver', () => {
    expect(
      tags(
        sortVersions(
          versions('1.2.0', 'latest', '1.10.0', '2.0.0-rc.2', '2.0.0-rc.10', '2.0.0', 'v1.9.9', '1.10'),
        ),
      ),
    ).toEqual(['2.0.0', '2.0.0-rc.10', '2.0.0-rc.2', '1.10.0', 'v1.9.9', '1.2.0'])
  })

  it('puts numeric pre-release identifiers before alphanumeric ones', () => {
    expect(tags(sortVersions(versions('1.0.0-alpha', '1.0.0-1', '1.0.0-alpha.1')))).toEqual([
      '1.0.0-alpha.1',
      '1.0.0-alpha',
      '1.0.0-1',
    ])
  })
})

describe('latestRelease', () => {
  // gitlab-components-spec.md §2.3: `6.0.0-pre` is skipped in favour of `2.6.0`.
  it('never picks a pre-release', () => {
    expect(latestRelease(sortVersions(versions('2.6.0', '6.0.0-pre', '1.1.2')))?.version).toBe('2.6.0')
  })

  it('is null when there are only pre-releases or nothing', () => {
    expect(latestRelease(sortVersions(versions('1.0.0-rc.1')))).toBeNull()
    expect(latestRelease([])).toBeNull()
  })
})
