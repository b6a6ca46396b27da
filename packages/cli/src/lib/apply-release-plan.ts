import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ReleasePlan } from '@catalog/bump'
import { planDocs } from '@catalog/docs'
import type { Catalog } from '@catalog/types'
import { InterruptedError, UserError } from '../errors.js'
import { readDocumentedVersion } from './documented-version.js'
import { GitError, git, headCommit } from './release-git.js'
import type { SignalGuard } from './signal-guard.js'

/** Everything the release commit changes, computed before anything is written. */
export interface PreparedRelease {
  version: string
  /** Files the commit writes: repository-relative path and new text. */
  writes: { file: string; text: string }[]
  /** Changesets the commit removes. */
  removes: string[]
  /** The annotated tag's message (the CHANGELOG.md section), or null for a release without tag (`--prepare`). */
  tagMessage: string | null
  /** What was done, in words, once it is. */
  done: string[]
}

export interface AppliedRelease {
  done: string[]
  commit: string | null
  tag: string | null
}

/**
 * The release commit of `plan`, in memory: CHANGELOG.md with the new section, the generated docs that are up to
 * date for the documented version refreshed for the new one (so the tree the tag points at documents the tag),
 * and the changesets removed.
 */
export function prepareRelease(
  root: string,
  catalog: Catalog,
  plan: ReleasePlan,
  tag: boolean,
): PreparedRelease {
  const version = plan.version as string
  const upToDate = new Map(
    planDocs(catalog, { version: readDocumentedVersion(root) }).map((file) => [file.file, file.expected]),
  )
  const docs = planDocs(catalog, { version }).filter(
    (file) =>
      file.current !== null && file.current === upToDate.get(file.file) && file.current !== file.expected,
  )
  const removes = plan.changesets.map((changeset) => changeset.file)
  return {
    version,
    writes: [
      { file: 'CHANGELOG.md', text: plan.changelog ?? '' },
      ...docs.map((file) => ({ file: file.file, text: file.expected })),
    ],
    removes,
    tagMessage: tag ? plan.changelogSection : null,
    done: [
      'updated CHANGELOG.md',
      ...docs.map((file) => `regenerated ${file.file} for ${version}`),
      ...removes.map((file) => `removed ${file}`),
    ],
  }
}

/**
 * Builds the release commit (and tag object) from the prepared files without touching the working tree, moves
 * HEAD and creates the tag in one ref transaction, then checks the new files out. Before the transaction an
 * error or a signal leaves everything as it was; after it, HEAD, the tag and the tree are put back, and the error
 * says only what was verified to be back.
 */
export async function applyRelease(
  root: string,
  prepared: PreparedRelease,
  guard: SignalGuard,
): Promise<AppliedRelease> {
  const unchanged = 'nothing was changed'
  const lock = resolve(root, git(root, ['rev-parse', '--git-path', 'index.lock']))
  if (existsSync(lock)) {
    throw new UserError(
      `${lock} exists: another git command is running, or one crashed (remove the file if none is running); nothing was changed`,
    )
  }
  const previous = headCommit(root)
  let objects: { commit: string; tag: string | null }
  try {
    objects = buildObjects(root, prepared, previous)
  } catch (error) {
    await guard.checkpoint(unchanged)
    throw new UserError(`preparing the release commit failed (${firstLine(error)}); ${unchanged}`)
  }
  await guard.checkpoint(unchanged)

  const tagRef = `refs/tags/${prepared.version}`
  const moved = `HEAD moved to the release commit ${objects.commit.slice(0, 12)}`
  try {
    updateRefs(root, [
      `update HEAD ${objects.commit} ${previous}`,
      ...(objects.tag ? [`create ${tagRef} ${objects.tag}`] : []),
    ])
  } catch (error) {
    if (headCommit(root) === previous) {
      await guard.checkpoint(unchanged)
      throw new UserError(`moving HEAD to the release commit failed (${firstLine(error)}); ${unchanged}`)
    }
  }
  try {
    await guard.checkpoint(moved)
    git(root, ['read-tree', '-m', '-u', previous, objects.commit])
    await guard.checkpoint(`${moved} and its files checked out`)
  } catch (error) {
    const rolledBack = rollBack(root, previous, objects, tagRef)
    // A Ctrl-C also reaches git, which then fails: the signal is the reason, not git's error.
    const signal = error instanceof InterruptedError ? error.signal : await guard.pending()
    if (signal) throw new InterruptedError(signal, rolledBack)
    throw new UserError(`checking out the release commit failed (${firstLine(error)}); ${rolledBack}`)
  }
  return {
    done: [
      ...prepared.done,
      `committed ${objects.commit.slice(0, 12)} "Release ${prepared.version}"`,
      ...(objects.tag ? [`created annotated tag ${prepared.version}`] : []),
    ],
    commit: objects.commit,
    tag: objects.tag ? prepared.version : null,
  }
}

/** Tags HEAD with the plan's version (one ref update: it happens or it does not). */
export async function applyTag(root: string, plan: ReleasePlan, guard: SignalGuard): Promise<AppliedRelease> {
  const version = plan.version as string
  await guard.checkpoint('nothing was changed')
  try {
    git(root, ['tag', '--annotate', '--cleanup=verbatim', '--file=-', version], plan.changelogSection)
  } catch (error) {
    throw new UserError(`creating tag ${version} failed (${firstLine(error)}); nothing was changed`)
  }
  const commit = headCommit(root)
  return { done: [`created annotated tag ${version} on ${commit.slice(0, 12)}`], commit, tag: version }
}

/** The release commit and tag objects, written to the object store only (a temporary index, no ref, no file). */
function buildObjects(
  root: string,
  prepared: PreparedRelease,
  previous: string,
): { commit: string; tag: string | null } {
  const scratch = mkdtempSync(join(resolve(root, git(root, ['rev-parse', '--git-dir'])), 'catalog-release-'))
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') }
    git(root, ['read-tree', previous], undefined, { env })
    for (const { file, text } of prepared.writes) {
      const blob = git(root, ['hash-object', '-w', '--stdin'], text)
      const mode = git(root, ['ls-tree', previous, '--', file]).split(' ')[0] || '100644'
      git(root, ['update-index', '--add', '--cacheinfo', `${mode},${blob},${file}`], undefined, { env })
    }
    if (prepared.removes.length > 0) {
      git(root, ['update-index', '--force-remove', '--', ...prepared.removes], undefined, { env })
    }
    const tree = git(root, ['write-tree'], undefined, { env })
    const commit = git(
      root,
      ['commit-tree', tree, '-p', previous, '-F', '-'],
      `Release ${prepared.version}\n`,
    )
    if (prepared.tagMessage === null) return { commit, tag: null }
    const tagger = git(root, ['var', 'GIT_COMMITTER_IDENT'])
    const tag = git(
      root,
      ['mktag'],
      `object ${commit}\ntype commit\ntag ${prepared.version}\ntagger ${tagger}\n\n${prepared.tagMessage.trimEnd()}\n`,
    )
    return { commit, tag }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function updateRefs(root: string, updates: string[]): void {
  git(root, ['update-ref', '--stdin'], `start\n${updates.join('\n')}\nprepare\ncommit\n`)
}

/**
 * Puts HEAD, the tag and the tracked files back as they were at `previous` and says so, naming only what was
 * checked to be back; when something is not, says how to finish by hand.
 */
function rollBack(
  root: string,
  previous: string,
  objects: { commit: string; tag: string | null },
  tagRef: string,
) {
  const attempt = (step: () => void) => {
    try {
      step()
      return null
    } catch (error) {
      return firstLine(error)
    }
  }
  const failures = [
    attempt(() =>
      updateRefs(root, [
        `update HEAD ${previous} ${objects.commit}`,
        ...(objects.tag ? [`delete ${tagRef} ${objects.tag}`] : []),
      ]),
    ),
    attempt(() => git(root, ['reset', '--quiet', '--hard', previous])),
    attempt(() => {
      const added = git(root, ['diff', '--name-only', '--diff-filter=A', previous, objects.commit])
      for (const file of added.split('\n').filter(Boolean)) rmSync(join(root, file), { force: true })
    }),
  ].filter((failure) => failure !== null)
  const head = attempt(() => {
    if (headCommit(root) !== previous) throw new Error(`HEAD is at ${headCommit(root).slice(0, 12)}`)
  })
  const tag = objects.tag
    ? attempt(() => git(root, ['rev-parse', '--verify', '--quiet', tagRef])) === null
    : false
  const dirty = attempt(() => {
    const status = git(root, ['status', '--porcelain', '--untracked-files=all'])
    if (status !== '') throw new Error(`the tree has changes: ${status.split('\n').slice(0, 3).join(', ')}`)
  })
  // What counts is the state now, not which step failed: a step can fail with nothing left to undo.
  if (head === null && !tag && dirty === null) {
    return `rolled back: HEAD is back at ${previous.slice(0, 12)}, the files are as they were, no tag was created`
  }
  const name = tagRef.slice('refs/tags/'.length)
  const left = [head, tag ? `tag ${name} exists` : null, dirty, ...failures].filter(Boolean).join('; ')
  return `rolling back did not finish (${left}): restore with \`git reset --hard ${previous.slice(0, 12)}\`${tag ? ` and \`git tag -d ${name}\`` : ''}`
}

function firstLine(error: unknown): string {
  const message = error instanceof GitError || error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] ?? ''
}
