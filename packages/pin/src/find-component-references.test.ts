import { describe, expect, it } from 'vitest'
import { findComponentReferences } from './find-component-references.js'

const catalogPath = 'my-group/container-build'
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitLab's braced variable, not a JS template
const BRACED_FQDN = '${CI_SERVER_FQDN}'

// A consumer pipeline written the ways people write them: comments, both quote styles, the braced variable,
// a literal host, other catalogs and include types mixed in, and a child pipeline.
const pipeline = `# Build and sign the app image.
include:
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1.1.0 # pinned by hand
    inputs:
      image_name: $CI_REGISTRY_IMAGE/app
  - component: "\${CI_SERVER_FQDN}/my-group/container-build/cosign-sign@~latest"
  - component: 'gitlab.example.com:8443/my-group/container-build/buildah@1'
  - component: $CI_SERVER_FQDN/other-group/tools/lint@1.0.0
  - component: $CI_SERVER_FQDN/my-group/container-build-extra/kaniko@1.0.0
  - local: /ci/build.yml
  - ci/deploy.yml
  - local: 'ci/*.yml'
  - remote: https://example.com/x.yml
  - project: my-group/shared
    file: /templates/x.yml

stages: [build, deploy]

deploy-review:
  stage: deploy
  trigger:
    include:
      component: $CI_SERVER_FQDN/my-group/container-build/buildx-cache@main
    strategy: depend
`

describe('findComponentReferences', () => {
  it('finds the catalog references in a list include and in trigger:include, and nothing else', () => {
    const found = findComponentReferences(pipeline, { catalogPath })
    expect(found.errors).toEqual([])
    // Columns counted on the line text itself: one past the first `@`.
    const column = (line: number) => (pipeline.split('\n')[line - 1] ?? '').indexOf('@') + 2
    expect(
      found.references.map(({ host, name, ref, line, column }) => ({ host, name, ref, line, column })),
    ).toEqual([
      { host: '$CI_SERVER_FQDN', name: 'kaniko', ref: '1.1.0', line: 3, column: column(3) },
      { host: BRACED_FQDN, name: 'cosign-sign', ref: '~latest', line: 6, column: column(6) },
      { host: 'gitlab.example.com:8443', name: 'buildah', ref: '1', line: 7, column: column(7) },
      { host: '$CI_SERVER_FQDN', name: 'buildx-cache', ref: 'main', line: 23, column: column(23) },
    ])
  })

  it('gives the exact source range of each ref, inside the quotes', () => {
    const found = findComponentReferences(pipeline, { catalogPath })
    for (const reference of found.references) {
      const [start, end] = reference.range ?? [0, 0]
      expect(pipeline.slice(start, end)).toBe(reference.ref)
      expect(pipeline.slice(start - 1, start)).toBe('@')
    }
  })

  it('lists local includes to follow, and says why a glob is not followed', () => {
    expect(findComponentReferences(pipeline, { catalogPath }).localIncludes).toEqual([
      { path: 'ci/build.yml', line: 10 },
      { path: 'ci/deploy.yml', line: 11 },
      { path: 'ci/*.yml', line: 12, skipped: 'glob patterns are not followed' },
    ])
  })

  it('reads a single include mapping, and a spec header document before the jobs', () => {
    const text = `spec:
  inputs:
    stage:
      default: build
---
include:
  component: $CI_SERVER_FQDN/my-group/container-build/kaniko@2.0.0
`
    const found = findComponentReferences(text, { catalogPath })
    expect(found.references.map((r) => [r.name, r.ref, r.line])).toEqual([['kaniko', '2.0.0', 7]])
  })

  it('reads a bare string include as a local file', () => {
    expect(findComponentReferences('include: /ci/common.yml\n', { catalogPath }).localIncludes).toEqual([
      { path: 'ci/common.yml', line: 1 },
    ])
  })

  it('follows an alias to the anchored include list once', () => {
    const text = `.shared: &shared
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1
include: *shared
`
    expect(findComponentReferences(text, { catalogPath }).references.map((r) => r.line)).toEqual([2])
  })

  it('reads pipelines that use !reference tags and merge keys', () => {
    const text = `.base: &base
  script: [echo build]
build:
  <<: *base
  script:
    - !reference [.base, script]
include:
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1
`
    const found = findComponentReferences(text, { catalogPath })
    expect(found.errors).toEqual([])
    expect(found.references.map((r) => [r.name, r.ref, r.line])).toEqual([['kaniko', '1', 8]])
  })

  it('marks a reference written with escapes as not rewritable instead of guessing', () => {
    const text = 'include:\n  - component: "$CI_SERVER_FQDN/my-group/container-build/kaniko@1.\\x30.0"\n'
    const [reference] = findComponentReferences(text, { catalogPath }).references
    expect(reference).toMatchObject({ ref: '1.0.0', range: null })
    expect(reference?.unrewritable).toContain('escapes')
  })

  it('reports YAML syntax errors with their line', () => {
    const found = findComponentReferences('include:\n  - component: [oops\n', { catalogPath })
    expect(found.references).toEqual([])
    expect(found.errors[0]?.line).toBeGreaterThan(0)
  })
})
