import { execFileSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { readCatalogFile } from '@catalog/loader'
import {
  type CatalogRefs,
  type ComponentReference,
  type FoundReferences,
  findComponentReferences,
  parseForEachRef,
  parseLsRemote,
} from '@catalog/pin'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { type Options, type Parsed, parseFlags } from '../../parse-flags.js'

/** Flags `pin` and `outdated` share. */
const sharedOptions = {
  catalog: { type: 'string' },
  remote: { type: 'string' },
  checkout: { type: 'string' },
  file: { type: 'string', default: '.gitlab-ci.yml' },
  prerelease: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const

/**
 * Parses the flags of `pin` or `outdated` (the shared ones plus `extra`) and checks what they share: no positional
 * argument, and `--catalog` given.
 */
export function parseConsumerFlags<T extends Options>(
  args: string[],
  extra: T,
  usage: string,
): { values: Parsed<typeof sharedOptions & T>['values']; catalog: string } {
  const { values, positionals } = parseFlags(args, { ...sharedOptions, ...extra }, usage)
  // Inside this generic function TypeScript cannot see the shared flags in `values`; callers get them typed.
  const shared = values as { catalog?: string }
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)
  const catalog = shared.catalog
  if (!catalog)
    throw new UsageError(
      '--catalog <project path> is required, e.g. --catalog my-group/container-build',
      usage,
    )
  return { values, catalog }
}

export interface PipelineFile {
  /** As shown to the user: relative to the working directory. */
  file: string
  absolute: string
  text: string
  found: FoundReferences
}

export interface FileReference extends ComponentReference {
  file: string
}

/** Whether `path` is `root` or inside it, lexically and once symbolic links are resolved. */
function insideProject(root: string, path: string): boolean {
  const within = (from: string, to: string) => {
    const rel = relative(from, to)
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
  }
  if (!within(root, path)) return false
  try {
    return within(realpathSync(root), realpathSync(path))
  } catch {
    return true
  }
}

/**
 * Reads the consumer pipeline and, recursively and once each, the local files it includes (GitLab reads
 * `include: local:` paths from the project root, here the working directory). Never reads outside the project:
 * a main file there is refused, an include there is skipped with a note (GitLab cannot include it either).
 * Refuses a file that is missing, unreadable (a FIFO, a device, a link loop…) or not valid YAML; a local include
 * that is missing or a glob is skipped with a note.
 */
export function readConsumerPipeline(
  io: Io,
  mainFile: string,
  catalogPath: string,
): { root: string; files: PipelineFile[]; notes: string[] } {
  const root = io.cwd
  const files: PipelineFile[] = []
  const notes: string[] = []
  const seen = new Set<string>()
  const queue: { absolute: string; from?: string; path?: string }[] = [{ absolute: resolve(root, mainFile) }]
  while (queue.length > 0) {
    const { absolute, from, path } = queue.shift() as { absolute: string; from?: string; path?: string }
    if (seen.has(absolute)) continue
    seen.add(absolute)
    const file = display(root, absolute)
    if (!insideProject(root, absolute)) {
      if (!from)
        throw new UserError(`${file} is outside the project (${root}): run pin from the project's root`)
      notes.push(`${from}: local include ${path ?? file} is outside the project, not followed`)
      continue
    }
    const read = readCatalogFile(absolute, { followLinks: true })
    if (read === null) {
      if (!from) throw new UserError(`${file}: no such file (pass --file <path> to the pipeline to read)`)
      notes.push(`${from}: local include ${file} not found, skipped`)
      continue
    }
    if (!read.ok) throw new UserError(`${file}: ${read.problem}; no file was changed`)
    const found = findComponentReferences(read.text, { catalogPath })
    const [error] = found.errors
    if (error) throw new UserError(`${file}:${error.line}:${error.column}: not valid YAML: ${error.message}`)
    files.push({ file, absolute, text: read.text, found })
    for (const include of found.localIncludes) {
      const where = `${file}:${include.line}`
      if (include.skipped) notes.push(`${where}: local include ${include.path}: ${include.skipped}`)
      else queue.push({ absolute: resolve(root, include.path), from: where, path: include.path })
    }
  }
  return { root, files, notes }
}

export function fileReferences(files: PipelineFile[]): FileReference[] {
  return files.flatMap(({ file, found }) => found.references.map((reference) => ({ ...reference, file })))
}

/**
 * The catalog's tags and branches: from `git ls-remote --tags --heads <remote>`, or from a local checkout with
 * `git for-each-ref` (tags, branches, remote-tracking branches).
 */
export function readCatalogRefs(
  io: Io,
  options: { remote?: string; checkout?: string },
  usage: string,
): CatalogRefs {
  if (options.remote && options.checkout)
    throw new UsageError('give either --remote or --checkout, not both', usage)
  if (options.remote) {
    // A remote that starts with `-` would be read by git as an option (`--upload-pack=<command>` runs a command).
    if (options.remote.startsWith('-')) {
      throw new UsageError(`--remote must be a git URL or path, got \`${options.remote}\``, usage)
    }
    const output = runGit(
      io.cwd,
      ['ls-remote', '--tags', '--heads', '--end-of-options', options.remote],
      `read the tags of ${options.remote}`,
    )
    return parseLsRemote(output)
  }
  if (options.checkout) {
    const dir = resolve(io.cwd, options.checkout)
    if (!existsSync(dir)) throw new UserError(`--checkout ${options.checkout}: no such directory`)
    const output = runGit(
      dir,
      [
        'for-each-ref',
        '--format=%(objectname) %(*objectname) %(refname)',
        'refs/tags',
        'refs/heads',
        'refs/remotes',
      ],
      `read the tags of the checkout ${options.checkout}`,
    )
    return parseForEachRef(output)
  }
  throw new UsageError('say where the catalog tags are: --remote <git url> or --checkout <dir>', usage)
}

function runGit(cwd: string, args: string[], what: string): string {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    })
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
    const reason = stderr.split('\n').find(Boolean) ?? (error as Error).message
    throw new UserError(`cannot ${what}: ${reason}`)
  }
}

function display(root: string, absolute: string): string {
  const path = relative(root, absolute)
  return path && !path.startsWith('..') && !isAbsolute(path) ? path : absolute
}
