import { execFileSync } from 'node:child_process'
import { testdir } from './testdir.js'

export interface GitDir {
  root: string
  /** Runs git in the repository with a fixed identity and no signing; returns trimmed stdout. */
  git(...args: string[]): string
  /** Stages everything and commits; returns the new commit's SHA. */
  commit(message: string): string
}

/** A temporary git repository holding `files`, committed once, on branch `main`. */
export function gitdir(files: Record<string, string> = {}, options: { commit?: boolean } = {}): GitDir {
  const root = testdir(files)
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  }
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim()
  git('init', '-q', '-b', 'main')
  const commit = (message: string) => {
    git('add', '-A')
    git('commit', '-q', '--allow-empty', '-m', message)
    return git('rev-parse', 'HEAD')
  }
  if (options.commit !== false) commit('initial')
  return { root, git, commit }
}
