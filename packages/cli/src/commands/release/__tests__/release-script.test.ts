import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testdir } from '@catalog/test-utils'
import { expect, it } from 'vitest'
import { catalogRepo, PASSING_TEMPLATE, workspace } from './catalog-repo.js'

// scripts/release.ts as CI runs it (spawned with tsx, on the sources), against a real temporary repository whose
// `origin` is a bare repository reached through a file:// CI_SERVER_URL, with the real validate gate.
const tsx = join(workspace, 'node_modules/.bin/tsx')
const script = join(workspace, 'scripts/release.ts')

it('merge-request mode pushes release/next with the release commit and writes the files for glab; notes mode', {
  timeout: 120_000,
}, async () => {
  const repo = await catalogRepo(
    PASSING_TEMPLATE,
    { '.changeset/first.md': '---\n"container-build-catalog": minor\n---\n\nhello: first release\n' },
    'catalog with a changeset',
  )
  const server = testdir()
  repo.git('init', '-q', '--bare', join(server, 'group/catalog.git'))
  repo.git('push', '-q', join(server, 'group/catalog.git'), 'main')
  // CI's own files stay out of the tree check, as the job's before_script arranges.
  writeFileSync(join(repo.root, '.git/info/exclude'), 'release-mr.env\nrelease-mr.md\n')

  const env = {
    ...process.env,
    CI_SERVER_URL: `file://${server}`,
    CI_PROJECT_PATH: 'group/catalog',
    CATALOG_RELEASE_TOKEN: 'stand-in-token-unused-by-file-urls',
    GIT_AUTHOR_NAME: 'CI',
    GIT_AUTHOR_EMAIL: 'ci@example.com',
    GIT_COMMITTER_NAME: 'CI',
    GIT_COMMITTER_EMAIL: 'ci@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
  }
  const release = (...args: string[]) =>
    spawnSync(tsx, ['--conditions=@catalog/source', script, ...args], {
      cwd: repo.root,
      env,
      encoding: 'utf8',
    })

  const nothingToTag = release('tag')
  expect(nothingToTag.stdout).toContain('Nothing to tag (pending release: 1.0.0).')
  expect(nothingToTag.status).toBe(0)

  const prepared = release('merge-request')
  expect(prepared.status, prepared.stderr).toBe(0)
  expect(prepared.stdout).toContain('Pushed release/next: release commit for 1.0.0.')
  const bare = join(server, 'group/catalog.git')
  const pushed = execFileSync('git', ['--git-dir', bare, 'log', '-1', '--format=%s', 'release/next'], {
    encoding: 'utf8',
  })
  expect(pushed.trim()).toBe('Release 1.0.0')
  const files = execFileSync('git', ['--git-dir', bare, 'diff', '--name-status', 'main', 'release/next'], {
    encoding: 'utf8',
  })
  expect(files.trim().split('\n').sort()).toEqual([
    'A\tCHANGELOG.md',
    'D\t.changeset/first.md',
    'M\tREADME.md',
    'M\ttemplates/hello/README.md',
  ])
  expect(execFileSync('git', ['--git-dir', bare, 'tag', '--list'], { encoding: 'utf8' })).toBe('')
  expect(readFileSync(join(repo.root, 'release-mr.env'), 'utf8')).toBe(
    'RELEASE_PENDING=true\nRELEASE_VERSION=1.0.0\nRELEASE_BRANCH=release/next\n',
  )
  expect(readFileSync(join(repo.root, 'release-mr.md'), 'utf8')).toContain('## 1.0.0 ')
  expect(readFileSync(join(repo.root, 'release-mr.md'), 'utf8')).toContain('- first release')

  // notes mode reads the section out of CHANGELOG.md at a tag (here one made by hand on the release commit).
  repo.git('tag', '-a', '1.0.0', '-m', 'stand-in tag for the notes step', 'release/next')
  const notes = release('notes', '1.0.0')
  expect(notes.status, notes.stderr).toBe(0)
  expect(notes.stdout).toBe('### hello\n\n- first release\n')
})
