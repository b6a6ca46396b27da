import { describe, expect, it } from 'vitest'
import { type CatalogTag, resolveReference } from './resolve-reference.js'

const sha = (n: number) => n.toString(16).padStart(40, 'a')

// The catalog the CLI tests build for real: four releases, one pre-release, and a branch named like a tag.
const tags: CatalogTag[] = [
  { name: '1.0.0', sha: sha(1) },
  { name: '1.1.0', sha: sha(2) },
  { name: '1.2.0', sha: sha(3) },
  { name: '2.0.0', sha: sha(4) },
  { name: '2.1.0-rc.1', sha: sha(5) },
  { name: 'stable', sha: sha(3) },
]
const branches = ['main', 'stable', '1.1.0']

const resolved = (ref: string, options = {}) => {
  const result = resolveReference(ref, tags, { branches, ...options })
  return result.ok ? { kind: result.kind, tag: result.version.tag } : { error: result.code }
}

describe('resolveReference', () => {
  it('matches the example in GitLab docs (doc/ci/components/_index.md, "Component versions")', () => {
    const docs = ['1.0.0', '1.1.0', '1.1.1', '1.2.0', '2.0.0', '2.0.1', '2.1.0'].map((name, i) => ({
      name,
      sha: sha(i),
    }))
    const tag = (ref: string) => {
      const result = resolveReference(ref, docs)
      return result.ok ? result.version.tag : result.code
    }
    expect([tag('1'), tag('1.1'), tag('~latest')]).toEqual(['1.2.0', '1.1.1', '2.1.0'])
  })

  it('never picks a pre-release for ~latest or a partial version (instance_path_spec: 6.0.0-pre skipped)', () => {
    const spec = [
      { name: '2.6.0', sha: sha(1) },
      { name: '6.0.0-pre', sha: sha(2) },
    ]
    const latest = resolveReference('~latest', spec)
    expect(latest.ok && latest.version.tag).toBe('2.6.0')
    expect(resolveReference('6', spec)).toMatchObject({ ok: false, code: 'NO_MATCHING_RELEASE' })
  })

  it('resolves ~latest and partial versions to the newest matching release', () => {
    expect(resolved('~latest')).toEqual({ kind: 'latest', tag: '2.0.0' })
    expect(resolved('1')).toEqual({ kind: 'partial', tag: '1.2.0' })
    expect(resolved('1.1')).toEqual({ kind: 'partial', tag: '1.1.0' })
    expect(resolved('2')).toEqual({ kind: 'partial', tag: '2.0.0' })
  })

  it('picks pre-releases only when asked', () => {
    expect(resolved('~latest', { prerelease: true })).toEqual({ kind: 'latest', tag: '2.1.0-rc.1' })
    expect(resolved('2.1', { prerelease: true })).toEqual({ kind: 'partial', tag: '2.1.0-rc.1' })
    expect(resolved('2.1')).toEqual({ error: 'NO_MATCHING_RELEASE' })
  })

  it('keeps an exact tag, pre-releases included', () => {
    expect(resolved('1.0.0')).toEqual({ kind: 'tag', tag: '1.0.0' })
    expect(resolved('2.1.0-rc.1')).toEqual({ kind: 'tag', tag: '2.1.0-rc.1' })
  })

  it('reads a name that is both a tag and a branch as the tag, as GitLab does', () => {
    expect(resolved('1.1.0')).toEqual({ kind: 'tag', tag: '1.1.0' })
  })

  it('maps a non-version tag to the version tag at the same commit', () => {
    const result = resolveReference('stable', tags, { branches })
    expect(result).toMatchObject({ ok: true, kind: 'tag', version: { tag: '1.2.0' } })
    expect(result.ok && result.note).toBe(
      'tag `stable` is not a version; 1.2.0 is the version tag at the same commit',
    )
  })

  it('falls back to a branch for a partial version that matches no release, as GitLab falls back to Git refs', () => {
    expect(resolveReference('3', tags, { branches: ['3'] })).toMatchObject({ ok: true, kind: 'branch' })
    expect(resolveReference('1234567', tags)).toMatchObject({ ok: false, code: 'NO_MATCHING_RELEASE' })
  })

  it('resolves a branch to the newest release and says so', () => {
    const result = resolveReference('main', tags, { branches })
    expect(result).toMatchObject({ ok: true, kind: 'branch', version: { tag: '2.0.0' } })
    expect(result.ok && result.note).toContain('branch `main` resolved to the newest release, 2.0.0')
  })

  it('resolves a commit SHA, full or short, to the tag at that commit', () => {
    expect(resolved(sha(2))).toEqual({ kind: 'sha', tag: '1.1.0' })
    const distinct = [
      { name: '1.0.0', sha: `0123abcd${'0'.repeat(32)}` },
      { name: '1.1.0', sha: `4567abcd${'0'.repeat(32)}` },
    ]
    expect(resolveReference('4567ABCD', distinct)).toMatchObject({
      ok: true,
      kind: 'sha',
      version: { tag: '1.1.0' },
    })
    expect(resolved(sha(4).slice(0, 8))).toEqual({ error: 'AMBIGUOUS_COMMIT' })
    expect(resolveReference('1234abcd', tags)).toMatchObject({
      ok: false,
      code: 'UNTAGGED_COMMIT',
      message: 'commit `1234abcd` has no version tag; only tagged commits can be pinned to a version',
    })
  })

  it('accepts v-prefixed tags, and partial versions still match them', () => {
    const prefixed = [
      { name: 'v1.0.0', sha: sha(1) },
      { name: 'v1.3.0', sha: sha(2) },
    ]
    const result = resolveReference('1', prefixed)
    expect(result.ok && result.version.tag).toBe('v1.3.0')
    expect(resolveReference('v1.0.0', prefixed)).toMatchObject({ ok: true, kind: 'tag' })
  })

  it('refuses what it cannot know with a clear message', () => {
    expect(resolveReference('feature-x', tags, { branches })).toEqual({
      ok: false,
      code: 'UNKNOWN_REFERENCE',
      message: '`feature-x` is not a version, tag, branch or tagged commit of the catalog',
    })
    expect(resolveReference('3', tags)).toEqual({
      ok: false,
      code: 'NO_MATCHING_RELEASE',
      message:
        '`3` matches no release of the catalog (newest: 2.0.0, 1.2.0, 1.1.0, 1.0.0); pre-releases (2.1.0-rc.1…) are only chosen when asked',
    })
    expect(resolveReference('$CI_COMMIT_SHA', tags)).toMatchObject({ ok: false, code: 'VARIABLE_REFERENCE' })
    expect(resolveReference('~latest', [])).toMatchObject({ ok: false, code: 'NO_MATCHING_RELEASE' })
  })
})
