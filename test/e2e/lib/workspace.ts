// A throwaway copy of the repository (templates and test files) as a git repository: its HEAD is the commit the
// scenarios' self-include `$CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA` pins and the commit each job
// checks out.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const repoRoot = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '')
export const SERVER_HOST = 'gitlab.e2e.test'
export const PROJECT_PATH = 'catalog/container-build-catalog'

export interface Workspace {
  /** The project repository: the scenario's component includes pin its HEAD. */
  dir: string
  sha: string
  /** Where each job's checkout goes (a fresh clone per job, as on a runner). */
  builds: string
  remove(): void
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'E2E',
  GIT_AUTHOR_EMAIL: 'e2e@example.com',
  GIT_COMMITTER_NAME: 'E2E',
  GIT_COMMITTER_EMAIL: 'e2e@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}

export function createWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-e2e-ws-'))
  execFileSync(
    'rsync',
    [
      '-a',
      '--exclude=node_modules',
      '--exclude=.git',
      '--exclude=.gitlab-ci-local',
      '--exclude=.turbo',
      '--exclude=dist',
      '--exclude=/.e2e',
      '--exclude=/packages/site',
      `${repoRoot}/templates`,
      `${repoRoot}/test`,
      dir,
    ],
    { stdio: 'inherit' },
  )
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: gitEnv,
      encoding: 'utf8',
    }).trim()
  git('init', '-q', '-b', 'main')
  git('remote', 'add', 'origin', `https://${SERVER_HOST}/${PROJECT_PATH}.git`)
  git('add', '-A')
  git('commit', '-q', '-m', 'e2e workspace')
  const sha = git('rev-parse', 'HEAD')
  const builds = mkdtempSync(join(tmpdir(), 'catalog-e2e-builds-'))
  return {
    dir,
    sha,
    builds,
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
      rmSync(builds, { recursive: true, force: true })
    },
  }
}
