import { describe, expect, it } from 'vitest'
import { outdated } from './outdated.js'

const tags = ['1.0.0', '1.1.0', '1.2.0', '2.0.0', '2.1.0-rc.1'].map((name, i) => ({
  name,
  sha: `${i}`.repeat(40),
}))

describe('outdated', () => {
  const rows = (refs: string[], options = {}) =>
    outdated(
      refs.map((ref) => ({ ref })),
      tags,
      options,
    ).map((entry) =>
      entry.ok
        ? [entry.current, entry.resolved, entry.latest, entry.outdated, entry.major]
        : [entry.current, entry.error],
    )

  it('tells current, resolved and latest apart, and flags a major jump', () => {
    expect(rows(['1.0.0', '1', '2.0.0', '~latest', '2'])).toEqual([
      ['1.0.0', '1.0.0', '2.0.0', true, true],
      ['1', '1.2.0', '2.0.0', true, true],
      ['2.0.0', '2.0.0', '2.0.0', false, false],
      ['~latest', '2.0.0', '2.0.0', false, false],
      ['2', '2.0.0', '2.0.0', false, false],
    ])
  })

  it('counts a pre-release as latest only when asked', () => {
    expect(rows(['2.0.0'], { prerelease: true })).toEqual([['2.0.0', '2.0.0', '2.1.0-rc.1', true, false]])
    expect(rows(['2.1.0-rc.1'])).toEqual([['2.1.0-rc.1', '2.1.0-rc.1', '2.0.0', false, false]])
  })

  it('keeps a reference it cannot resolve, with the reason', () => {
    expect(rows(['nope'])).toEqual([
      ['nope', '`nope` is not a version, tag, branch or tagged commit of the catalog'],
    ])
  })
})
