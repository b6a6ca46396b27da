import { describe, expect, it } from 'vitest'
import { compareSemver, parseSemver } from './parse-semver.js'

describe('parseSemver', () => {
  it('reads releases, pre-releases, build metadata and an optional v prefix', () => {
    expect(parseSemver('1.2.3')).toEqual({
      tag: '1.2.3',
      major: 1,
      minor: 2,
      patch: 3,
      prerelease: [],
      build: null,
    })
    expect(parseSemver('v2.1.0-rc.1+build.5')).toEqual({
      tag: 'v2.1.0-rc.1+build.5',
      major: 2,
      minor: 1,
      patch: 0,
      prerelease: ['rc', '1'],
      build: 'build.5',
    })
  })

  it.each(['1', '1.2', '01.2.3', '1.2.3-01', 'V1.2.3', 'vv1.2.3', '1.2.3-', 'main', '~latest', '1.2.3 '])(
    'rejects %j as GitLab does',
    (tag) => {
      expect(parseSemver(tag)).toBeNull()
    },
  )
})

describe('compareSemver', () => {
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
    const shuffled = [...ordered].reverse()
    const parsed = shuffled.map((tag) => parseSemver(tag)).filter((v) => v !== null)
    expect(parsed.sort(compareSemver).map((v) => v.tag)).toEqual(ordered)
  })

  it('compares numeric pre-release parts as numbers, not text', () => {
    const rc2 = parseSemver('2.1.0-rc.2')
    const rc10 = parseSemver('2.1.0-rc.10')
    if (!rc2 || !rc10) throw new Error('fixture tags must parse')
    expect(compareSemver(rc2, rc10)).toBeLessThan(0)
  })
})
