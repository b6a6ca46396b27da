import { parseVersion } from '@catalog/versions'
import { describe, expect, it } from 'vitest'
import { findComponentReferences } from './find-component-references.js'
import { pinnedReference, rewriteReferences } from './rewrite-references.js'

const version = (tag: string) => {
  const parsed = parseVersion(tag)
  if (!parsed) throw new Error(`bad fixture tag ${tag}`)
  return parsed
}

const pipeline = `include:
  # The builder. Keep in step with the runners.
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@~latest   # floats

  - component: "\${CI_SERVER_FQDN}/my-group/container-build/cosign-sign@1"
    inputs: { key: "cosign.key" }
  - component: 'gitlab.example.com/my-group/container-build/buildah@1.1'
`

describe('pinnedReference', () => {
  it('writes the exact tag, or digits-only partial versions GitLab reads as shorthand', () => {
    expect(pinnedReference(version('v1.2.0'), 'exact')).toEqual({ ref: 'v1.2.0' })
    expect(pinnedReference(version('v1.2.0'), 'minor')).toEqual({ ref: '1.2' })
    expect(pinnedReference(version('v1.2.0'), 'major')).toEqual({ ref: '1' })
  })

  it('keeps a pre-release exact, because partial versions never select one', () => {
    expect(pinnedReference(version('2.1.0-rc.1'), 'major')).toEqual({
      ref: '2.1.0-rc.1',
      note: "pre-release 2.1.0-rc.1 kept exact: GitLab's partial versions never select pre-releases",
    })
  })
})

describe('rewriteReferences', () => {
  const found = findComponentReferences(pipeline, { catalogPath: 'my-group/container-build' })
  const [kaniko, cosign, buildah] = found.references
  if (!kaniko || !cosign || !buildah) throw new Error('fixture must hold three references')
  const pins = [
    { reference: kaniko, version: version('2.0.0') },
    { reference: cosign, version: version('1.2.0') },
    { reference: buildah, version: version('1.1.0') },
  ]

  it('changes only the refs and keeps every other byte', () => {
    const { text } = rewriteReferences(pipeline, pins, 'exact')
    expect(text).toBe(`include:
  # The builder. Keep in step with the runners.
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@2.0.0   # floats

  - component: "\${CI_SERVER_FQDN}/my-group/container-build/cosign-sign@1.2.0"
    inputs: { key: "cosign.key" }
  - component: 'gitlab.example.com/my-group/container-build/buildah@1.1.0'
`)
  })

  it('reports what changed and what already had the wanted form', () => {
    const { rewrites, unchanged } = rewriteReferences(pipeline, pins, 'minor')
    expect(rewrites.map((r) => [r.from, r.to])).toEqual([
      ['~latest', '2.0'],
      ['1', '1.2'],
    ])
    expect(unchanged.map((r) => [r.from, r.to])).toEqual([['1.1', '1.1']])
  })

  it('leaves the text identical when every reference already has the wanted form', () => {
    const major = rewriteReferences(pipeline, pins, 'major')
    const again = findComponentReferences(major.text, { catalogPath: 'my-group/container-build' })
    const repinned = again.references.map((reference, i) => ({
      reference,
      version: (pins[i] as (typeof pins)[0]).version,
    }))
    expect(rewriteReferences(major.text, repinned, 'major').text).toBe(major.text)
  })

  it('keeps CRLF line endings', () => {
    const crlf = 'include:\r\n  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1\r\n'
    const [reference] = findComponentReferences(crlf, { catalogPath: 'my-group/container-build' }).references
    if (!reference) throw new Error('fixture must hold one reference')
    expect(rewriteReferences(crlf, [{ reference, version: version('1.2.0') }], 'exact').text).toBe(
      'include:\r\n  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1.2.0\r\n',
    )
  })

  it('refuses to rewrite a reference it could not locate exactly', () => {
    const text = 'include:\n  - component: "$CI_SERVER_FQDN/my-group/container-build/kaniko@1.\\x30.0"\n'
    const [escaped] = findComponentReferences(text, { catalogPath: 'my-group/container-build' }).references
    if (!escaped) throw new Error('fixture must hold one reference')
    expect(() =>
      rewriteReferences(text, [{ reference: escaped, version: version('1.2.0') }], 'exact'),
    ).toThrow('cannot be rewritten')
  })
})
