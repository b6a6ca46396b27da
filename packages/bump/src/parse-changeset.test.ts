import { describe, expect, it } from 'vitest'
import { parseChangeset } from './parse-changeset.js'

describe('parseChangeset', () => {
  it('reads the level and the text', () => {
    const result = parseChangeset(
      '.changeset/a.md',
      '---\n"container-build-catalog": minor\n---\n\nbuildx-cache: new `platforms` input.\n',
    )
    expect(result).toEqual({
      ok: true,
      changeset: { file: '.changeset/a.md', level: 'minor', text: 'buildx-cache: new `platforms` input.' },
    })
  })
  it('accepts unquoted keys and CRLF line ends', () => {
    const result = parseChangeset(
      '.changeset/b.md',
      "---\r\ncontainer-build-catalog: 'patch'\r\n---\r\nFix.\r\n",
    )
    expect(result.ok && result.changeset.level).toBe('patch')
  })
  it('rejects a file without front matter, with an example', () => {
    const result = parseChangeset('.changeset/c.md', 'kaniko: fix\n')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toMatch(
      /^\.changeset\/c\.md: missing or invalid frontmatter \(Changesets must start with frontmatter delimited by "---"\)\. A changeset looks like:\n/,
    )
    expect(!result.ok && result.error).toContain('"container-build-catalog": minor')
  })
  it('rejects another package name, naming it', () => {
    const result = parseChangeset('.changeset/d.md', '---\n"@catalog/engine": patch\n---\n\nx\n')
    expect(!result.ok && result.error).toContain(
      'expected only "container-build-catalog" in the front matter',
    )
    expect(!result.ok && result.error).toContain('found "@catalog/engine"')
  })
  it('rejects an unknown level, none, invalid YAML and an empty text', () => {
    const bad = parseChangeset('.changeset/e.md', '---\n"container-build-catalog": huge\n---\n\nx\n')
    expect(!bad.ok && bad.error).toContain(
      'invalid version type "huge" for package "container-build-catalog"',
    )
    const none = parseChangeset('.changeset/n.md', '---\n"container-build-catalog": none\n---\n\nx\n')
    expect(!none.ok && none.error).toContain('to be major, minor or patch, found "none"')
    const yaml = parseChangeset('.changeset/y.md', '---\n"container-build-catalog": [\n---\n\nx\n')
    expect(!yaml.ok && yaml.error).toContain('.changeset/y.md: invalid YAML in frontmatter')
    const nothing = parseChangeset('.changeset/z.md', '---\n---\n\nx\n')
    expect(!nothing.ok && nothing.error).toContain('to be major, minor or patch, found null')
    const empty = parseChangeset('.changeset/f.md', '---\n"container-build-catalog": patch\n---\n\n')
    expect(!empty.ok && empty.error).toContain('expected a description of the change')
  })
})
