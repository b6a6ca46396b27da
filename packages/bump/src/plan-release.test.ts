import { describe, expect, it } from 'vitest'
import { planRelease, type ReleaseFacts } from './plan-release.js'

const template = (extra = '') =>
  `spec:\n  inputs:\n    tag:\n      default: latest\n${extra}---\nbuild:\n  script:\n    - echo "$[[ inputs.tag ]]"\n`
const changeset = (level: string, text = 'kaniko: a change') => ({
  file: `.changeset/${level}.md`,
  contents: `---\n"container-build-catalog": ${level}\n---\n\n${text}\n`,
})
const CHANGELOG = '# Changelog\n\n## 1.2.0 (2026-01-01)\n\n### kaniko\n\n- old\n'

function facts(overrides: Partial<ReleaseFacts> = {}): ReleaseFacts {
  return {
    tags: ['1.0.0', '1.2.0', 'nightly'],
    remoteTags: [],
    released: [{ name: 'kaniko', source: template() }],
    current: [{ name: 'kaniko', source: template() }],
    changesetFiles: [changeset('patch')],
    changelog: CHANGELOG,
    date: '2026-11-23',
    dirtyFiles: [],
    headAddedTopSection: false,
    validation: { ok: true, summary: '' },
    ...overrides,
  }
}

const codes = (f: ReleaseFacts) => planRelease(f).refusals.map((refusal) => refusal.code)

describe('planRelease', () => {
  it('plans the next version from the highest release tag and the largest changeset', () => {
    const plan = planRelease(
      facts({ changesetFiles: [changeset('patch'), changeset('minor', 'buildah: x')] }),
    )
    expect(plan).toMatchObject({
      action: 'release',
      lastRelease: '1.2.0',
      version: '1.3.0',
      requested: 'minor',
    })
    expect(plan.refusals).toEqual([])
    expect(plan.changelogSection).toBe(
      '## 1.3.0 (2026-11-23)\n\n### kaniko\n\n- a change\n\n### Other\n\n- buildah: x\n',
    )
    expect(plan.changelog).toBe(
      `# Changelog\n\n${plan.changelogSection}\n## 1.2.0 (2026-01-01)\n\n### kaniko\n\n- old\n`,
    )
  })

  it('refuses changesets asking for less than the templates need, naming only the changes that need more', () => {
    const plan = planRelease(
      facts({
        current: [
          { name: 'kaniko', source: template('    ttl:\n      description: required\n') },
          { name: 'buildah', source: template() },
        ],
        changesetFiles: [changeset('minor')],
      }),
    )
    expect(plan.refusals).toEqual([
      {
        code: 'BUMP_TOO_SMALL',
        message:
          'the changesets ask for a minor release, but the templates changed in ways that need major:\n  - kaniko: new required input `ttl` (no default) (major)',
      },
    ])
  })

  it('accepts a changeset asking for more than needed', () => {
    expect(planRelease(facts({ changesetFiles: [changeset('major')] })).version).toBe('2.0.0')
  })

  it('makes a first release 1.0.0 whatever the changesets ask, without a bump check', () => {
    const plan = planRelease(facts({ tags: [], released: [], changelog: null }))
    expect(plan).toMatchObject({ version: '1.0.0', lastRelease: null, refusals: [] })
    expect(plan.required.level).toBe('minor')
    expect(plan.changelog).toBe('# Changelog\n\n## 1.0.0 (2026-11-23)\n\n### kaniko\n\n- a change\n')
  })

  it('refuses a dirty tree first, listing at most five files', () => {
    const dirty = ['M a', 'M b', 'M c', 'M d', 'M e', '?? f', '?? g']
    const plan = planRelease(facts({ dirtyFiles: dirty, validation: { ok: false, summary: '  x' } }))
    expect(plan.refusals[0]).toEqual({
      code: 'DIRTY_TREE',
      message:
        'the working tree has uncommitted changes (M a, M b, M c, M d, M e and 2 more): commit them first',
    })
    expect(plan.refusals[1]).toEqual({ code: 'VALIDATE_FAILED', message: 'catalog validate failed:\n  x' })
  })

  it('refuses when there is nothing to release', () => {
    const plan = planRelease(facts({ changesetFiles: [] }))
    expect(plan.action).toBe('none')
    expect(plan.refusals).toEqual([
      {
        code: 'NO_CHANGESETS',
        message: 'no pending changesets in .changeset/: nothing to release (last release 1.2.0)',
      },
    ])
  })

  it('refuses a tag that exists on the remote', () => {
    expect(codes(facts({ remoteTags: ['1.2.1'] }))).toEqual(['TAG_EXISTS'])
  })

  it('reports every unreadable changeset', () => {
    const bad = { file: '.changeset/bad.md', contents: 'no front matter' }
    expect(codes(facts({ changesetFiles: [bad, changeset('patch')] }))).toEqual(['INVALID_CHANGESET'])
  })

  describe('a merged release merge request (no changesets, untagged top section)', () => {
    const merged =
      '# Changelog\n\n## 1.3.0 (2026-11-20)\n\n### kaniko\n\n- new\n\n## 1.2.0 (2026-01-01)\n\n- old\n'

    it('tags HEAD with that section when HEAD added it', () => {
      const plan = planRelease(facts({ changesetFiles: [], changelog: merged, headAddedTopSection: true }))
      expect(plan).toMatchObject({ action: 'tag', version: '1.3.0', requested: 'minor', refusals: [] })
      expect(plan.changelogSection).toBe('## 1.3.0 (2026-11-20)\n\n### kaniko\n\n- new\n')
    })

    it('refuses when HEAD is not the commit that added it', () => {
      expect(codes(facts({ changesetFiles: [], changelog: merged }))).toEqual(['RELEASE_COMMIT_NOT_HEAD'])
    })

    it('refuses when the version step is smaller than the templates need', () => {
      const plan = planRelease(
        facts({
          changesetFiles: [],
          changelog: merged,
          headAddedTopSection: true,
          current: [{ name: 'kaniko', source: template('    ttl:\n      description: required\n') }],
        }),
      )
      expect(plan.refusals.map((refusal) => refusal.message)).toEqual([
        '1.2.0 → 1.3.0 is a minor release, but the templates changed in ways that need major:\n  - kaniko: new required input `ttl` (no default) (major)',
      ])
    })

    it('does nothing when the top section is already tagged', () => {
      expect(planRelease(facts({ changesetFiles: [], tags: ['1.3.0'], changelog: merged })).action).toBe(
        'none',
      )
    })
  })
})
