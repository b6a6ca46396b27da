import {
  type CatalogRefs,
  PIN_LEVELS,
  type Pin,
  type PinLevel,
  type ResolutionKind,
  resolveReference,
  rewriteReferences,
  unifiedDiff,
} from '@catalog/pin'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { withSignalGuard } from '../../lib/signal-guard.js'
import { writeAllOrNothing, writeTarget } from '../../lib/write-all-or-nothing.js'
import {
  type FileReference,
  fileReferences,
  type PipelineFile,
  parseConsumerFlags,
  readCatalogRefs,
  readConsumerPipeline,
} from './read-consumer.js'

export const usage = `Usage: catalog pin --catalog <project path> (--remote <git url> | --checkout <dir>)
                   [--file .gitlab-ci.yml] [--to exact|minor|major] [--prerelease] [--dry-run] [--json]

Pins the \`include: component:\` references of a consumer pipeline to versions of the catalog, in place.
Reads --file and, once each, the local files it includes (\`include: local:\`, paths from the working
directory; glob patterns are skipped with a note). Only references to <fqdn>/<catalog>/<name>@<ref> are
touched, where <fqdn> is $CI_SERVER_FQDN, \${CI_SERVER_FQDN} or a host name. Only the text after \`@\` changes:
comments, quotes and layout stay as they are.

Each reference is resolved as GitLab does: \`~latest\`, \`1\` and \`1.4\` to the newest matching release
(never a pre-release unless --prerelease), a tag to itself (a name that is both a tag and a branch is the tag),
a commit SHA to the version tag at that commit, and a branch to the newest release (a note says so).
References written as CI/CD variables (\`@$CI_COMMIT_SHA\`) are left alone with a note.

  --catalog <path>     the catalog project's path, e.g. my-group/container-build
  --remote <git url>   read tags and branches with \`git ls-remote\` (https, ssh or file:// URL)
  --checkout <dir>     read tags and branches from a local clone of the catalog
  --file <path>        the pipeline to read (default: .gitlab-ci.yml)
  --to <level>         exact (1.4.2, the default), minor (1.4) or major (1); pre-releases always stay exact
  --prerelease         let \`~latest\`, partial versions and branches pick pre-releases
  --dry-run            print the changes as a unified diff; write nothing
  --json               print the result as one JSON object

Refuses, writing nothing, when any reference cannot be resolved. Reads and writes only inside the project (the
working directory; an include outside it is skipped with a note), writes through symbolic links, and writes
every file or none, also when interrupted.
Exit codes: 0 pinned (or nothing to change); 1 refused; 2 usage error.`

interface PinnedReference {
  file: string
  line: number
  column: number
  component: string
  from: string
  to: string
  resolved: string
  kind: ResolutionKind
  changed: boolean
  /** Why the version is what it is, when that is not obvious (branch, SHA, pre-release kept exact). */
  notes: string[]
}

interface Resolved {
  pinsByFile: Map<string, Pin[]>
  resolved: Map<FileReference, { tag: string; kind: ResolutionKind; note?: string }>
}

/**
 * Resolves every reference against the catalog's tags; a variable reference is left alone with a note. Refuses,
 * printing each one, when any cannot be resolved or rewritten.
 */
function resolveAll(
  references: FileReference[],
  refs: CatalogRefs,
  options: { prerelease: boolean; catalog: string },
  notes: string[],
  io: Io,
): Resolved {
  const pinsByFile = new Map<string, Pin[]>()
  const resolved: Resolved['resolved'] = new Map()
  const refusals: string[] = []
  for (const reference of references) {
    const where = `${reference.file}:${reference.line}:${reference.column}: ${reference.name}@${reference.ref}`
    const resolution = resolveReference(reference.ref, refs.tags, {
      prerelease: options.prerelease,
      branches: refs.branches,
    })
    if (!resolution.ok) {
      if (resolution.code === 'VARIABLE_REFERENCE')
        notes.push(`${where}: ${resolution.message}, left as it is`)
      else refusals.push(`${where}: ${resolution.message}`)
      continue
    }
    if (!reference.range) {
      refusals.push(`${where}: ${reference.unrewritable}`)
      continue
    }
    resolved.set(reference, {
      tag: resolution.version.tag,
      kind: resolution.kind,
      ...(resolution.note ? { note: resolution.note } : {}),
    })
    const pins = pinsByFile.get(reference.file) ?? []
    pins.push({ reference, version: resolution.version })
    pinsByFile.set(reference.file, pins)
  }
  if (refusals.length > 0) {
    for (const refusal of refusals) io.stderr(`${refusal}\n`)
    const count = refusals.length === 1 ? '1 reference' : `${refusals.length} references`
    throw new UserError(
      `refusing to pin: ${count} cannot be resolved against ${options.catalog}; no file was changed`,
    )
  }
  return { pinsByFile, resolved }
}

interface Output {
  file: string
  absolute: string
  before: string
  after: string
}

/** Each file's text with its references rewritten at `level`, and every reference with what happened to it. */
function rewriteAll(
  files: PipelineFile[],
  { pinsByFile, resolved }: Resolved,
  level: PinLevel,
): { outputs: Output[]; pinned: PinnedReference[] } {
  const outputs: Output[] = []
  const pinned: PinnedReference[] = []
  for (const { file, absolute, text } of files) {
    const pins = pinsByFile.get(file)
    if (!pins) continue
    const result = rewriteReferences(text, pins, level)
    const rewrites = [...result.rewrites, ...result.unchanged].sort(
      (a, b) => a.reference.line - b.reference.line,
    )
    for (const rewrite of rewrites) {
      const reference = rewrite.reference as FileReference
      const resolution = resolved.get(reference) as { tag: string; kind: ResolutionKind; note?: string }
      pinned.push({
        file,
        line: reference.line,
        column: reference.column,
        component: reference.name,
        from: rewrite.from,
        to: rewrite.to,
        resolved: resolution.tag,
        kind: resolution.kind,
        changed: rewrite.from !== rewrite.to,
        notes: [resolution.note, rewrite.note].filter((note) => note !== undefined),
      })
    }
    if (result.text !== text) outputs.push({ file, absolute, before: text, after: result.text })
  }
  return { outputs, pinned }
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, catalog } = parseConsumerFlags(
    args,
    { to: { type: 'string', default: 'exact' }, 'dry-run': { type: 'boolean', default: false } } as const,
    usage,
  )
  const level = values.to as PinLevel
  if (!PIN_LEVELS.includes(level))
    throw new UsageError(`--to must be exact, minor or major, got \`${values.to}\``, usage)

  const { root, files, notes } = readConsumerPipeline(io, values.file, catalog)
  const refs = readCatalogRefs(io, values, usage)
  const resolution = resolveAll(
    fileReferences(files),
    refs,
    { prerelease: values.prerelease, catalog },
    notes,
    io,
  )
  const { outputs, pinned } = rewriteAll(files, resolution, level)
  const dryRun = values['dry-run']
  const diff = outputs
    .map(({ file, before, after }) =>
      unifiedDiff(before, after, { fromFile: `a/${file}`, toFile: `b/${file}` }),
    )
    .join('')
  if (!dryRun) {
    const writes = outputs.map(({ absolute, after }) => ({ path: writeTarget(root, absolute), text: after }))
    await withSignalGuard((guard) => writeAllOrNothing(writes, 'the pinned files', guard))
  }
  const result = { catalog, level, dryRun, files, outputs, pinned, notes, diff }
  if (values.json) io.stdout(`${JSON.stringify(pinJson(result), null, 2)}\n`)
  else report(io, result)
  return 0
}

interface PinResult {
  catalog: string
  level: PinLevel
  dryRun: boolean
  files: PipelineFile[]
  outputs: Output[]
  pinned: PinnedReference[]
  notes: string[]
  diff: string
}

function pinJson({ catalog, level, dryRun, files, outputs, pinned, notes, diff }: PinResult) {
  return {
    catalog,
    to: level,
    dryRun,
    files: files.map((f) => f.file),
    written: dryRun ? [] : outputs.map((o) => o.file),
    references: pinned,
    notes,
    ...(dryRun ? { diff } : {}),
  }
}

function report(io: Io, { catalog, level, dryRun, files, pinned, notes, diff }: PinResult): void {
  for (const note of notes) io.stderr(`note: ${note}\n`)
  if (dryRun) io.stdout(diff)
  for (const p of pinned) {
    const change = p.changed ? `${p.from} -> ${p.to}` : `${p.to} (unchanged)`
    io.stdout(`${p.file}:${p.line}: ${p.component} ${change}\n`)
    for (const note of p.notes) io.stdout(`  ${note}\n`)
  }
  const changed = pinned.filter((p) => p.changed).length
  const fileCount = new Set(pinned.filter((p) => p.changed).map((p) => p.file)).size
  if (pinned.length === 0) {
    io.stdout(`No component references of ${catalog} found in ${files.map((f) => f.file).join(', ')}.\n`)
  } else if (changed === 0) {
    const all = pinned.length === 1 ? 'The reference' : `All ${pinned.length} references`
    io.stdout(`${all} of ${catalog} already ${pinned.length === 1 ? 'has' : 'have'} the ${level} form.\n`)
  } else {
    const verb = dryRun ? 'Would pin' : 'Pinned'
    const tail = dryRun ? '; nothing written (--dry-run)' : ''
    io.stdout(
      `${verb} ${changed} of ${pinned.length} references in ${fileCount} ${fileCount === 1 ? 'file' : 'files'} (${level})${tail}.\n`,
    )
  }
}
