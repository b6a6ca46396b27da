import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { type GitDir, gitdir, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../errors.js'
import { run, type ValidateGate } from '../index.js'

// Stand-ins for `catalog validate`, named as such: these tests are about the release, not the rules.
// The last test runs the real gate.
const stubValidatePasses: ValidateGate = async () => ({ ok: true, summary: '' })
const stubValidateFails: ValidateGate = async () => ({
  ok: false,
  summary: '  templates/kaniko/template.yml:9: image-unpinned: stub finding',
})

const DATE = '2026-11-23'

const INPUTS = {
  job_name: `    job_name:\n      default: kaniko-build\n      description: 'Job name.'`,
  stage: `    stage:\n      default: build\n      description: 'Stage.'`,
  cache_ttl: `    cache_ttl:\n      default: 168h\n      description: 'Cache TTL.'`,
}
const JOB = `'$[[ inputs.job_name ]]':\n  stage: $[[ inputs.stage ]]\n  script:\n    - echo "$[[ inputs.cache_ttl ]]"`

function kaniko(options: { inputs?: Partial<Record<string, string>>; jobs?: string } = {}): string {
  const inputs = Object.values({ ...INPUTS, ...options.inputs }).filter(Boolean)
  return `spec:\n  inputs:\n${inputs.join('\n')}\n---\n${options.jobs ?? JOB}\n`
}

const changeset = (level: string, text: string) =>
  `---\n"container-build-catalog": ${level}\n---\n\n${text}\n`

/** A repository released once as 1.0.0 with the kaniko component. */
function releasedRepo(): GitDir {
  const repo = gitdir({
    'README.md': '# Catalog\n',
    'CHANGELOG.md': '# Changelog\n\n## 1.0.0 (2026-01-01)\n\n### kaniko\n\n- first release\n',
    'templates/kaniko/template.yml': kaniko(),
    '.changeset/README.md': '# Changesets\n',
    '.changeset/config.json': '{}\n',
  })
  repo.git('tag', '-a', '1.0.0', '-m', '1.0.0')
  return repo
}

function write(repo: GitDir, files: Record<string, string | null>): void {
  for (const [path, contents] of Object.entries(files)) {
    const target = join(repo.root, path)
    if (contents === null) {
      rmSync(target, { recursive: true })
    } else {
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, contents)
    }
  }
}

/** Commits `files` on top of the release: the change under test plus its changeset. */
function change(repo: GitDir, files: Record<string, string | null>): void {
  write(repo, files)
  repo.commit('change')
}

/** Runs the command in-process; a UserError is reported as `main` reports it (one line, exit 1). */
async function release(repo: GitDir, args: string[] = [], validate: ValidateGate = stubValidatePasses) {
  const io = memoryIo(repo.root)
  try {
    const code = await run([...args, '--date', DATE], io, { validate })
    return { code, out: io.out, err: io.err }
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    return { code: 1, out: io.out, err: `${io.err}catalog: ${error.message}\n` }
  }
}

function snapshot(repo: GitDir) {
  return {
    status: repo.git('status', '--porcelain', '--untracked-files=all'),
    refs: repo.git('for-each-ref', '--format=%(refname) %(objectname)'),
    head: repo.git('rev-parse', 'HEAD'),
    changelog: readFileSync(join(repo.root, 'CHANGELOG.md'), 'utf8'),
  }
}

describe('each bump rule, end to end against the last release tag', () => {
  const cases: { name: string; files: Record<string, string | null>; level: string; reason: string }[] = [
    {
      name: 'removed input',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: { cache_ttl: '' },
          jobs: JOB.replace(/\n.*cache_ttl.*$/, '\n    - echo x'),
        }),
      },
      level: 'major',
      reason: 'kaniko: input `cache_ttl` was removed (major)',
    },
    {
      name: 'renamed input',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: { cache_ttl: `    cache_expiry:\n      default: 168h\n      description: 'Cache TTL.'` },
          jobs: JOB.replace('cache_ttl', 'cache_expiry'),
        }),
      },
      level: 'major',
      reason: 'kaniko: input `cache_ttl` was removed (renamed to `cache_expiry`?) (major)',
    },
    {
      name: 'changed type',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: {
            cache_ttl: `    cache_ttl:\n      type: number\n      default: 168\n      description: 'Cache TTL.'`,
          },
        }),
      },
      level: 'major',
      reason: 'kaniko: input `cache_ttl` changed type from string to number (major)',
    },
    {
      name: 'new required input',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: { registry: `    registry:\n      description: 'Registry.'` },
          jobs: `${JOB}\n    - echo "$[[ inputs.registry ]]"`,
        }),
      },
      level: 'major',
      reason: 'kaniko: new required input `registry` (no default) (major)',
    },
    {
      name: 'removed option',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: {
            cache_ttl: `    cache_ttl:\n      default: 1h\n      options: [1h, 24h]\n      description: 'Cache TTL.'`,
          },
        }),
      },
      level: 'major',
      reason: 'kaniko: input `cache_ttl` now only accepts the options 1h, 24h (major)',
    },
    {
      name: 'tightened (new) regex',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: {
            cache_ttl: `    cache_ttl:\n      default: 168h\n      regex: ^\\d+h$\n      description: 'Cache TTL.'`,
          },
        }),
      },
      level: 'major',
      reason: 'kaniko: input `cache_ttl` now has to match the regex ^\\d+h$ (major)',
    },
    {
      name: 'removed component',
      files: {
        'templates/kaniko/template.yml': null,
        'templates/buildah/template.yml': kaniko({
          inputs: { job_name: INPUTS.job_name.replace('kaniko', 'buildah') },
        }),
      },
      level: 'major',
      reason: 'kaniko: component was removed (major)',
    },
    {
      name: 'removed job',
      files: {
        'templates/kaniko/template.yml': kaniko({ jobs: JOB.replace("job_name ]]'", "job_name ]]-push'") }),
      },
      level: 'major',
      reason: 'kaniko: job `kaniko-build` was removed (major)',
    },
    {
      name: 'new optional input',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: {
            platforms: `    platforms:\n      default: linux/amd64\n      description: 'Platforms.'`,
          },
          jobs: `${JOB}\n    - echo "$[[ inputs.platforms ]]"`,
        }),
      },
      level: 'minor',
      reason: 'kaniko: new optional input `platforms` (minor)',
    },
    {
      name: 'new component',
      files: {
        'templates/buildah/template.yml': kaniko({
          inputs: { job_name: INPUTS.job_name.replace('kaniko', 'buildah') },
        }),
      },
      level: 'minor',
      reason: 'buildah: new component (minor)',
    },
    {
      name: 'changed default',
      files: {
        'templates/kaniko/template.yml': kaniko({
          inputs: { cache_ttl: INPUTS.cache_ttl.replace('168h', '24h') },
        }),
      },
      level: 'patch',
      reason: 'kaniko: input `cache_ttl` default changed from 168h to 24h (patch)',
    },
  ]

  const next = { major: '2.0.0', minor: '1.1.0', patch: '1.0.1' }

  it.each(cases)('$name → $level', async ({ files, level, reason }) => {
    const repo = releasedRepo()
    change(repo, { ...files, '.changeset/change.md': changeset(level, 'kaniko: the change') })
    const result = await release(repo, ['--dry-run'])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toContain(
      `Release ${next[level as keyof typeof next]} (${level}; last release: 1.0.0)`,
    )
    expect(result.out).toContain(`The templates need: ${level}\n`)
    expect(result.out).toContain(`  - ${reason}`)
  })

  it('nothing changed in the templates → none, and a patch changeset is enough', async () => {
    const repo = releasedRepo()
    change(repo, {
      'README.md': '# Catalog, better\n',
      '.changeset/docs.md': changeset('patch', 'Better README.'),
    })
    const result = await release(repo, ['--dry-run'])
    expect(result.code).toBe(0)
    expect(result.out).toContain('The templates need: none')
    expect(result.out).toContain('Release 1.0.1 (patch; last release: 1.0.0)')
  })
})

describe('refusals: nothing is changed and the reason is named', () => {
  it('refuses changesets that ask for less than the templates need, naming the change', async () => {
    const repo = releasedRepo()
    change(repo, {
      'templates/kaniko/template.yml': kaniko({
        inputs: { cache_ttl: '' },
        jobs: JOB.replace(/\n.*cache_ttl.*$/, '\n    - echo x'),
      }),
      '.changeset/small.md': changeset('minor', 'kaniko: simpler caching'),
    })
    const before = snapshot(repo)
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      'the changesets ask for a minor release, but the templates changed in ways that need major:',
    )
    expect(result.err).toContain('kaniko: input `cache_ttl` was removed (major)')
    expect(snapshot(repo)).toEqual(before)
  })

  it('refuses on a dirty tree, listing the files', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    write(repo, { 'README.md': '# edited\n' })
    const before = snapshot(repo)
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain('the working tree has uncommitted changes (M README.md): commit them first')
    expect(snapshot(repo)).toEqual(before)
  })

  it('refuses when the next version is already tagged on origin (not fetched here)', async () => {
    const repo = releasedRepo()
    const origin = testdir()
    repo.git('clone', '--quiet', '--bare', repo.root, origin)
    repo.git('remote', 'add', 'origin', origin)
    repo.git('--git-dir', origin, 'tag', '1.0.1', 'main')
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    const before = snapshot(repo)
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err, result.out).toContain(
      'tag 1.0.1 already exists on origin: fetch it (git fetch --tags)',
    )
    expect(snapshot(repo)).toEqual(before)
  })

  it('does not tag a merged release section whose version is already tagged', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    expect((await release(repo, ['--prepare'])).code).toBe(0)
    // Someone tagged the release commit's parent by hand: the version is taken.
    repo.git('tag', '1.0.1', 'HEAD~1')
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain('no pending changesets')
  })

  it('refuses when validate fails, showing its findings (stub gate)', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    const before = snapshot(repo)
    const result = await release(repo, [], stubValidateFails)
    expect(result.code).toBe(1)
    expect(result.err).toContain('catalog validate failed:')
    expect(result.err).toContain('image-unpinned: stub finding')
    expect(snapshot(repo)).toEqual(before)
  })

  it('refuses without pending changesets', async () => {
    const repo = releasedRepo()
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      'no pending changesets in .changeset/: nothing to release (last release 1.0.0)',
    )
  })

  it('refuses an unreadable changeset with an example of a good one', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/bad.md': '---\n"@catalog/engine": patch\n---\n\nx\n' })
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      '.changeset/bad.md: expected only "container-build-catalog" in the front matter',
    )
  })

  it('is a user error outside a git repository, a usage error with a bad date', async () => {
    const outside = testdir()
    await expect(run([], memoryIo(outside))).rejects.toThrow(`${outside} is not in a git repository`)
    await expect(run(['--date', '23/11/2026'], memoryIo(outside))).rejects.toThrow(
      '--date must be YYYY-MM-DD',
    )
  })
})

describe('a full release', () => {
  it('writes the changelog, removes the changesets, commits once and tags with the section', async () => {
    const repo = releasedRepo()
    change(repo, {
      'templates/kaniko/template.yml': kaniko({
        inputs: { platforms: `    platforms:\n      default: linux/amd64\n      description: 'Platforms.'` },
        jobs: `${JOB}\n    - echo "$[[ inputs.platforms ]]"`,
      }),
      '.changeset/platforms.md': changeset('minor', 'kaniko: new `platforms` input'),
      '.changeset/docs.md': changeset('patch', 'README: clearer setup'),
    })
    const head = repo.git('rev-parse', 'HEAD')
    const result = await release(repo)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const section =
      '## 1.1.0 (2026-11-23)\n\n### kaniko\n\n- new `platforms` input\n\n### Other\n\n- README: clearer setup\n'
    expect(readFileSync(join(repo.root, 'CHANGELOG.md'), 'utf8')).toBe(
      `# Changelog\n\n${section}\n## 1.0.0 (2026-01-01)\n\n### kaniko\n\n- first release\n`,
    )
    expect(existsSync(join(repo.root, '.changeset/platforms.md'))).toBe(false)
    expect(existsSync(join(repo.root, '.changeset/docs.md'))).toBe(false)
    expect(existsSync(join(repo.root, '.changeset/README.md'))).toBe(true)
    // One commit on top of the previous HEAD, and the tag points at it.
    expect(repo.git('rev-parse', 'HEAD~1')).toBe(head)
    expect(repo.git('log', '-1', '--format=%s')).toBe('Release 1.1.0')
    expect(repo.git('diff', '--name-status', 'HEAD~1', 'HEAD').split('\n').sort()).toEqual([
      'D\t.changeset/docs.md',
      'D\t.changeset/platforms.md',
      'M\tCHANGELOG.md',
    ])
    expect(repo.git('cat-file', '-t', '1.1.0')).toBe('tag')
    expect(repo.git('rev-parse', '1.1.0^{commit}')).toBe(repo.git('rev-parse', 'HEAD'))
    expect(repo.git('tag', '-l', '--format=%(contents)', '1.1.0')).toBe(section.trimEnd())
    expect(repo.git('status', '--porcelain')).toBe('')
    expect(result.out).toContain('created annotated tag 1.1.0')
  })

  it('is safe to run twice: the second run finds nothing to release and changes nothing', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    expect((await release(repo)).code).toBe(0)
    const before = snapshot(repo)
    const second = await release(repo)
    expect(second.code).toBe(1)
    expect(second.err).toContain(
      'no pending changesets in .changeset/: nothing to release (last release 1.0.1)',
    )
    expect(snapshot(repo)).toEqual(before)
  })

  it('changes nothing when the tag cannot be created: no changelog without its tag', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    // A real git failure: a tag `1.0.1/x` makes the ref `refs/tags/1.0.1` impossible to create.
    repo.git('tag', '1.0.1/x')
    const before = snapshot(repo)
    const result = await release(repo)
    expect(result.code).toBe(1)
    // HEAD and the tag move in one ref transaction: it fails as a whole.
    expect(result.err).toMatch(
      /^catalog: moving HEAD to the release commit failed \(.+\); nothing was changed\n$/,
    )
    expect(snapshot(repo)).toEqual(before)
  })

  it('--dry-run prints the plan and changes nothing', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix the cache') })
    const before = snapshot(repo)
    const result = await release(repo, ['--dry-run'])
    expect(result.code).toBe(0)
    expect(result.out).toContain('Release 1.0.1 (patch; last release: 1.0.0)')
    expect(result.out).toContain('  ## 1.0.1 (2026-11-23)')
    expect(result.out).toContain('  - fix the cache')
    expect(result.out).toContain('Dry run: nothing was changed.')
    expect(snapshot(repo)).toEqual(before)
  })

  it('--json prints one object with the plan and what was done', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('patch', 'kaniko: fix') })
    const result = await release(repo, ['--json'])
    const data = JSON.parse(result.out)
    expect(data).toMatchObject({
      ok: true,
      action: 'release',
      lastRelease: '1.0.0',
      version: '1.0.1',
      requested: 'patch',
      required: { level: 'none', reasons: [] },
      tag: '1.0.1',
      refusals: [],
    })
    expect(data.changesets).toEqual([{ file: '.changeset/a.md', level: 'patch', text: 'kaniko: fix' }])
  })

  it('a first release is 1.0.0 and creates CHANGELOG.md', async () => {
    const repo = gitdir({
      'templates/kaniko/template.yml': kaniko(),
      '.changeset/first.md': changeset('minor', 'kaniko: first release'),
    })
    const result = await release(repo)
    expect(result.code).toBe(0)
    expect(readFileSync(join(repo.root, 'CHANGELOG.md'), 'utf8')).toBe(
      '# Changelog\n\n## 1.0.0 (2026-11-23)\n\n### kaniko\n\n- first release\n',
    )
    expect(repo.git('tag', '--list')).toBe('1.0.0')
  })
})

describe('the release merge request flow', () => {
  it('--prepare commits the release without a tag; once merged, `catalog release` tags it', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('minor', 'kaniko: new thing') })
    repo.git('checkout', '-q', '-b', 'release/next')
    const prepared = await release(repo, ['--prepare'])
    expect(prepared.code).toBe(0)
    expect(repo.git('tag', '--list')).toBe('1.0.0')
    expect(repo.git('log', '-1', '--format=%s')).toBe('Release 1.1.0')
    // Merged with a merge commit, as GitLab does by default.
    repo.git('checkout', '-q', 'main')
    repo.git('merge', '-q', '--no-ff', '-m', 'Merge branch release/next', 'release/next')
    const plan = JSON.parse((await release(repo, ['--dry-run', '--json'])).out)
    expect(plan).toMatchObject({ ok: true, action: 'tag', version: '1.1.0' })
    const tagged = await release(repo)
    expect(tagged.code).toBe(0)
    expect(repo.git('rev-parse', '1.1.0^{commit}')).toBe(repo.git('rev-parse', 'HEAD'))
    expect(repo.git('tag', '-l', '--format=%(contents)', '1.1.0')).toBe(
      '## 1.1.0 (2026-11-23)\n\n### kaniko\n\n- new thing',
    )
    // And then there is nothing left to do.
    expect((await release(repo)).err).toContain('no pending changesets')
  })

  it('does not tag an untagged section when HEAD is not the commit that added it', async () => {
    const repo = releasedRepo()
    change(repo, { '.changeset/a.md': changeset('minor', 'kaniko: new thing') })
    expect((await release(repo, ['--prepare'])).code).toBe(0)
    change(repo, { 'README.md': '# later change\n' })
    const result = await release(repo)
    expect(result.code).toBe(1)
    expect(result.err).toContain(
      "CHANGELOG.md's top section 1.1.0 has no tag, but HEAD is not the commit that added it",
    )
  })
})
