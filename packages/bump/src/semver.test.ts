import { describe, expect, it } from 'vitest'
import { compareVersions, latestRelease, nextVersion, parseVersion } from './semver.js'

describe('parseVersion', () => {
  it('accepts plain, v-prefixed and pre-release tags as GitLab does', () => {
    expect(parseVersion('1.4.0')).toEqual({ prefix: '', major: 1, minor: 4, patch: 0, prerelease: null })
    expect(parseVersion('v2.0.1')).toEqual({ prefix: 'v', major: 2, minor: 0, patch: 1, prerelease: null })
    expect(parseVersion('1.0.0-rc.1')?.prerelease).toBe('rc.1')
  })
  it('rejects what is not semver', () => {
    for (const tag of ['1.4', '01.2.3', 'release-1.0.0', 'V1.0.0', '1.0.0-', 'latest']) {
      expect(parseVersion(tag), tag).toBeNull()
    }
  })
})

describe('latestRelease', () => {
  it('picks the highest semver tag, not the last listed, and ignores pre-releases and other tags', () => {
    expect(latestRelease(['1.10.0', '1.9.3', 'v1.2.0', '2.0.0-rc.1', 'nightly'])).toBe('1.10.0')
  })
  it('is null for a catalog that was never released', () => {
    expect(latestRelease(['nightly', '1.0.0-beta'])).toBeNull()
  })
  it('orders a release after its pre-releases', () => {
    const [a, b] = [parseVersion('1.0.0-rc.1'), parseVersion('1.0.0')]
    expect(a && b && compareVersions(a, b)).toBeLessThan(0)
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
