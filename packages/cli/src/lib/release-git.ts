import { execFileSync } from 'node:child_process'
import type { ComponentSource } from '@catalog/bump'
import { templateComponentName } from '@catalog/loader'

/** A git command failed: `message` is git's own stderr, first line first. */
export class GitError extends Error {
  override name = 'GitError'
}

/**
 * Runs git in `root` and returns stdout (trailing newline removed, unless `raw`); throws a GitError with git's
 * message. `env` is added to this process's environment.
 */
export function git(
  root: string,
  args: string[],
  input?: string,
  options: { raw?: boolean; env?: Record<string, string> } = {},
): string {
  try {
    const output = execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      input,
      // No optional locks: reading the status never rewrites the index (a full disk or a stale lock would fail it).
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    })
    return options.raw ? output : output.replace(/\n$/, '')
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
    throw new GitError(stderr || (error as Error).message)
  }
}

/** The top-level directory of the repository holding `cwd`, or null when it is not in one. */
export function repositoryRoot(cwd: string): string | null {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel'])
  } catch {
    return null
  }
}

export function listTags(root: string): string[] {
  return git(root, ['tag', '--list']).split('\n').filter(Boolean)
}

/** `git status --porcelain` lines, untracked files included. */
export function dirtyFiles(root: string): string[] {
  return git(root, ['status', '--porcelain', '--untracked-files=all'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.trim())
}

export function headCommit(root: string): string {
  return git(root, ['rev-parse', '--verify', 'HEAD'])
}

/** The components as they were at `ref`: `templates/<name>.yml` and `templates/<name>/template.yml`. */
export function componentsAt(root: string, ref: string): ComponentSource[] {
  return git(root, ['ls-tree', '-r', '--name-only', ref, '--', 'templates'])
    .split('\n')
    .flatMap((file) => {
      const name = templateComponentName(file)
      return name === null
        ? []
        : [
            {
              name,
              source: git(root, ['show', '--end-of-options', `${ref}:${file}`], undefined, { raw: true }),
            },
          ]
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** A file's contents at `ref`, or null when it does not exist there. */
export function fileAt(root: string, ref: string, path: string): string | null {
  try {
    return git(root, ['show', '--end-of-options', `${ref}:${path}`], undefined, { raw: true })
  } catch {
    return null
  }
}

/** HEAD's first parent, or null for a root commit. */
export function firstParent(root: string): string | null {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^1'])
  } catch {
    return null
  }
}

/**
 * The tags of the `origin` remote, so a tag someone else already pushed is not released twice; null when there is
 * no origin. Throws a GitError when origin cannot be reached.
 */
export function remoteTags(root: string): string[] | null {
  const remotes = git(root, ['remote']).split('\n')
  if (!remotes.includes('origin')) return null
  return git(root, ['-c', 'core.askPass=true', 'ls-remote', '--tags', '--refs', 'origin'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/^[0-9a-f]+\trefs\/tags\//, ''))
}
