import { describe, expect, it } from 'vitest'
import {
  compareVersions,
  isNewer,
  latestRelease,
  nextVersion,
  parseVersion,
  sortVersions,
  versionStep,
} from './version.js'

describe('parseVersion', () => {
  it('reads releases, pre-releases, build metadata and an optional v prefix', () => {
    expect(parseVersion('1.2.3')).toEqual({
      tag: '1.2.3',
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: [],
      precedence: '1.2.3',
    })
    expect(parseVersion('v2.1.0-rc.1+build.5')).toEqual({
      tag: 'v2.1.0-rc.1+build.5',
      major: 2,
      minor: 1,
      patch: 0,
      prerelease: ['rc', 1],
      precedence: '2.1.0-rc.1',
    })
  })

  it.each([
    '1',
    '1.2',
    '01.2.3',
    '1.2.3-01',
    'V1.2.3',
    'vv1.2.3',
    '=1.2.3',
    '1.2.3-',
    'main',
    '~latest',
    '1.2.3 ',
    ' 1.2.3',
    'release-1.0.0',
  ])('rejects %j as GitLab does', (tag) => {
    expect(parseVersion(tag)).toBeNull()
  })
})

describe('compareVersions and sortVersions', () => {
  it('orders as semver 2.0 §11 does (its own example list)', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ]
    expect(sortVersions([...ordered].reverse()).map((v) => v.tag)).toEqual([...ordered].reverse())
  })

  it('puts 1.0.0-rc.10 after 1.0.0-rc.2 (numbers compared as numbers, not text)', () => {
    const [rc2, rc10] = [parseVersion('1.0.0-rc.2'), parseVersion('1.0.0-rc.10')]
    if (!rc2 || !rc10) throw new Error('fixture tags must parse')
    expect(compareVersions(rc2, rc10)).toBeLessThan(0)
    expect(sortVersions(['1.0.0-rc.2', '1.0.0', '1.0.0-rc.10', '1.0.0-rc.9']).map((v) => v.tag)).toEqual([
      '1.0.0',
      '1.0.0-rc.10',
      '1.0.0-rc.9',
      '1.0.0-rc.2',
    ])
  })

  it('puts numeric pre-release identifiers before alphanumeric ones', () => {
    expect(sortVersions(['1.0.0-alpha', '1.0.0-1', '1.0.0-alpha.1']).map((v) => v.tag)).toEqual([
      '1.0.0-alpha.1',
      '1.0.0-alpha',
      '1.0.0-1',
    ])
  })

  it('drops tags that are not versions and keeps ties stable by tag text', () => {
    expect(
      sortVersions(['1.2.0', 'latest', 'v1.10.0', '1.10', '1.2.0+b', 'v1.2.0']).map((v) => v.tag),
    ).toEqual(['v1.10.0', 'v1.2.0', '1.2.0+b', '1.2.0'])
  })

  it('isNewer ignores build metadata and v', () => {
    const [a, b, c] = ['1.2.0', 'v1.2.0+b', '1.2.1'].map(parseVersion)
    if (!a || !b || !c) throw new Error('fixture tags must parse')
    expect([isNewer(a, b), isNewer(b, a), isNewer(c, b)]).toEqual([false, false, true])
  })
})

describe('latestRelease', () => {
  it('picks the highest version tag, not the last listed, and ignores pre-releases and other tags', () => {
    expect(latestRelease(['1.10.0', '1.9.3', 'v1.2.0', '2.0.0-rc.1', 'nightly'])).toBe('1.10.0')
  })

  // gitlab-components-spec.md §2.3: `6.0.0-pre` is skipped in favour of `2.6.0`.
  it('never picks a pre-release unless asked', () => {
    expect(latestRelease(['2.6.0', '6.0.0-pre', '1.1.2'])).toBe('2.6.0')
    expect(latestRelease(['2.6.0', '6.0.0-pre', '1.1.2'], { prerelease: true })).toBe('6.0.0-pre')
  })

  it('is null for a catalog that was never released', () => {
    expect(latestRelease(['nightly', '1.0.0-beta'])).toBeNull()
    expect(latestRelease([])).toBeNull()
  })
})

describe('nextVersion', () => {
  it.each([
    ['1.4.2', 'patch', '1.4.3'],
    ['1.4.2', 'minor', '1.5.0'],
    ['1.4.2', 'major', '2.0.0'],
    ['v1.4.2', 'minor', 'v1.5.0'],
    ['0.3.1', 'major', '1.0.0'],
    ['0.3.1', 'minor', '0.4.0'],
  ] as const)('%s + %s → %s', (last, level, next) => {
    expect(nextVersion(last, level)).toBe(next)
  })

  it('starts at 1.0.0 whatever the level', () => {
    expect(nextVersion(null, 'patch')).toBe('1.0.0')
    expect(nextVersion(null, 'major')).toBe('1.0.0')
  })
})

describe('versionStep', () => {
  it.each([
    [null, '1.0.0', 'major'],
    ['1.0.0', '2.0.0', 'major'],
    ['1.0.0', '1.1.0', 'minor'],
    ['1.1.0', '1.1.1', 'patch'],
    ['1.1.0', 'v1.1.1', 'patch'],
    ['1.1.0', '1.1.0', null],
    ['1.1.0', '1.0.9', null],
    ['1.1.0', 'nightly', null],
  ] as const)('%s → %s is %s', (from, to, level) => {
    expect(versionStep(from, to)).toBe(level)
  })
})
