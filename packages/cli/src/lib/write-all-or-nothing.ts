import { linkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative } from 'node:path'
import { InterruptedError, UserError } from '../errors.js'
import type { SignalGuard } from './signal-guard.js'

/** One file to write: where (absolute, links already resolved) and what. */
export interface FileWrite {
  path: string
  text: string
}

interface Staged extends FileWrite {
  temporary: string
  /** A hard link to the file as it was, or null for a new file. */
  backup: string | null
  mode: number | null
}

/**
 * Where a write to `path` really lands: through symbolic links to the file they point to (so a linked
 * `.gitlab-ci.yml` stays a link), which must be inside `root`. A UserError otherwise.
 */
export function writeTarget(root: string, path: string): string {
  let target: string
  try {
    target = realpathSync(path)
  } catch {
    target = join(realpathSync(dirname(path)), basename(path))
  }
  const inside = relative(realpathSync(root), target)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new UserError(`${path} leads to ${target}, outside ${root}: refusing to write there`)
  }
  return target
}

/** An fs error in one line: `ENOSPC: no space left on device`. */
export function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return code ? `${code}: ${(error as Error).message.replace(/^\w+: /, '').split(',')[0]}` : String(error)
}

/**
 * Writes every file or none. Each text goes to a temporary sibling first (interruptible: a signal or an error
 * there removes the temporaries and changes nothing); then, with the originals kept as hard links, all are
 * renamed into place. If a rename fails or a signal came meanwhile, the originals are put back. Temporaries and
 * backups never outlive the call. `what` names the files in messages (`the pinned files`).
 */
export async function writeAllOrNothing(files: FileWrite[], what: string, guard: SignalGuard): Promise<void> {
  const staged: Staged[] = []
  const cleanUp = () => {
    for (const file of staged) {
      rmSync(file.temporary, { force: true })
      if (file.backup) rmSync(file.backup, { force: true })
    }
  }
  try {
    for (const [index, file] of files.entries()) {
      await guard.checkpoint(`nothing was written`)
      const prefix = join(dirname(file.path), `.${basename(file.path)}.catalog-${process.pid}-${index}`)
      const entry: Staged = { ...file, temporary: `${prefix}.tmp`, backup: null, mode: null }
      staged.push(entry)
      try {
        entry.mode = statSync(file.path).mode & 0o7777
      } catch {}
      writeFileSync(entry.temporary, file.text, {
        flag: 'wx',
        ...(entry.mode === null ? {} : { mode: entry.mode }),
      })
      if (entry.mode !== null) {
        linkSync(file.path, `${prefix}.bak`)
        entry.backup = `${prefix}.bak`
      }
    }
    await guard.checkpoint('nothing was written')
  } catch (error) {
    cleanUp()
    if (error instanceof InterruptedError) throw error
    throw new UserError(`cannot write ${what} (${errnoReason(error)}); nothing was written`)
  }
  const renamed: Staged[] = []
  let failure: unknown = null
  for (const file of staged) {
    try {
      renameSync(file.temporary, file.path)
      renamed.push(file)
    } catch (error) {
      failure = error
      break
    }
  }
  const signal = failure === null ? await guard.pending() : null
  if (failure !== null || signal !== null) {
    const stuck = putBack(renamed)
    // A backup that could not be put back is the only copy of the original: it stays, and is named.
    for (const file of stuck) file.backup = null
    cleanUp()
    const state =
      stuck.length === 0
        ? 'rolled back: every file is as it was'
        : `rolling back did not finish: ${stuck.map((file) => `${file.path} (its original is ${file.temporary.replace(/\.tmp$/, '.bak')})`).join(', ')}`
    if (signal) throw new InterruptedError(signal, state)
    throw new UserError(`cannot write ${what} (${errnoReason(failure)}); ${state}`)
  }
  cleanUp()
}

/** Puts the renamed files back from their backups (new files removed); the files that could not be. */
function putBack(renamed: Staged[]): Staged[] {
  const stuck: Staged[] = []
  for (const file of [...renamed].reverse()) {
    try {
      if (file.backup) renameSync(file.backup, file.path)
      else rmSync(file.path, { force: true })
    } catch {
      stuck.push(file)
    }
  }
  return stuck
}
