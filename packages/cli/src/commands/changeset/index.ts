import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CATALOG_PACKAGE, formatReason, planRelease, type ReleasePlan } from '@catalog/bump'
import { loadCatalog } from '@catalog/loader'
import write from '@changesets/write'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { gatherReleaseFacts } from '../../lib/release-facts.js'
import { repositoryRoot } from '../../lib/release-git.js'
import { withSignalGuard } from '../../lib/signal-guard.js'
import { errnoReason, writeAllOrNothing, writeTarget } from '../../lib/write-all-or-nothing.js'
import { parseFlags } from '../../parse-flags.js'

export const usage = `Usage: catalog changeset --bump major|minor|patch --message <text> [--json]
       catalog changeset status [--json]

Adds a changeset: .changeset/<random-name>.md, written with changesets' own @changesets/write, asking for a
<bump> release of the catalog ("${CATALOG_PACKAGE}") with <text> as its CHANGELOG.md entry. The catalog is
released as one version: start the text with the component it is about (\`kaniko: new \`cache_ttl\` input\`);
.changeset/README.md says which bump a change needs. Then says whether the pending changesets cover what the
templates changed since the last release.

\`status\` changes nothing: it lists the pending changesets and the bump the templates need since the last release
tag, with the reasons, and exits 1 when a changeset cannot be read, when the templates changed and no changeset is
pending, or when the changesets ask for less than the change needs (a check for merge requests).

  --bump <level>     major, minor or patch
  --message <text>   the CHANGELOG.md entry
  --json             print the result as one JSON object

Exit codes: 0 written, or nothing missing; 1 status found a problem (or the changeset could not be written);
2 usage error.`

const LEVELS = ['major', 'minor', 'patch'] as const

interface Status {
  lastRelease: string | null
  changesets: ReleasePlan['changesets']
  requested: ReleasePlan['requested']
  required: ReleasePlan['required']
  problems: string[]
}

/** What the pending changesets ask for against what the templates changed since the last release tag. */
function changesetStatus(root: string): Status {
  const { facts } = gatherReleaseFacts(root, loadCatalog(root), '1970-01-01', { remote: false })
  const plan = planRelease(facts)
  const problems = plan.refusals
    .filter((refusal) => refusal.code === 'INVALID_CHANGESET' || refusal.code === 'BUMP_TOO_SMALL')
    .map((refusal) => refusal.message)
  if (facts.changesetFiles.length === 0 && plan.required.level !== 'none' && plan.lastRelease !== null) {
    problems.push(
      `the templates changed since ${plan.lastRelease} in ways that need a ${plan.required.level} release, and no changeset is pending: add one with \`catalog changeset --bump ${plan.required.level} --message '<component>: <what changed>'\``,
    )
  }
  const requested = facts.changesetFiles.length === 0 ? 'none' : plan.requested
  return {
    lastRelease: plan.lastRelease,
    changesets: plan.changesets,
    requested,
    required: plan.required,
    problems,
  }
}

function describeStatus(status: Status): string {
  const lines = [
    `Last release: ${status.lastRelease ?? 'none'}`,
    `Pending changesets (${status.changesets.length}):`,
  ]
  for (const changeset of status.changesets)
    lines.push(`  ${changeset.file} (${changeset.level}): ${changeset.text.split('\n')[0]}`)
  lines.push(`The changesets ask for: ${status.requested}`, `The templates need: ${status.required.level}`)
  for (const reason of status.required.reasons) lines.push(`  - ${formatReason(reason)} (${reason.level})`)
  return `${lines.join('\n')}\n`
}

/**
 * Writes the changeset with @changesets/write into a scratch directory (it writes in place, so a full disk would
 * leave half a changeset), then moves it into .changeset/ whole.
 */
async function add(root: string, level: (typeof LEVELS)[number], message: string): Promise<string> {
  // Signals are held from the start, so an interrupted run leaves no scratch directory either.
  return withSignalGuard(async (guard) => {
    const scratch = mkdtempSync(join(tmpdir(), 'catalog-changeset-'))
    try {
      // prettier: false keeps the text as written (prettier would rewrite its markdown).
      const id = await write(
        { summary: message.trim(), releases: [{ name: CATALOG_PACKAGE, type: level }] },
        scratch,
        { prettier: false },
      )
      const file = `.changeset/${id}.md`
      const text = readFileSync(join(scratch, file), 'utf8')
      mkdirSync(join(root, '.changeset'), { recursive: true })
      await writeAllOrNothing([{ path: writeTarget(root, join(root, file)), text }], file, guard)
      return file
    } catch (error) {
      if (error instanceof UserError) throw error
      throw new UserError(`cannot write the changeset (${errnoReason(error)}); nothing was written`)
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  })
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { bump: { type: 'string' }, message: { type: 'string' }, json: { type: 'boolean', default: false } },
    usage,
  )
  const [subcommand, extra] = positionals
  if (extra !== undefined || (subcommand !== undefined && subcommand !== 'status')) {
    throw new UsageError(`unexpected argument \`${extra ?? subcommand}\``, usage)
  }
  const root = repositoryRoot(io.cwd)
  if (root === null)
    throw new UserError(`${io.cwd} is not in a git repository: changesets are compared with release tags`)

  let file: string | null = null
  if (subcommand === undefined) {
    const level = values.bump as (typeof LEVELS)[number] | undefined
    if (level === undefined || !LEVELS.includes(level)) {
      throw new UsageError(
        `--bump must be major, minor or patch${level === undefined ? '' : `, got \`${level}\``}`,
        usage,
      )
    }
    if (!values.message?.trim())
      throw new UsageError('--message <text> is required: the CHANGELOG.md entry', usage)
    file = await add(root, level, values.message)
  } else if (values.bump !== undefined || values.message !== undefined) {
    throw new UsageError('`status` takes no --bump or --message', usage)
  }

  const status = changesetStatus(root)
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...(file ? { added: file } : {}), ...status }, null, 2)}\n`)
  } else {
    if (file) io.stdout(`Added ${file}\n\n`)
    io.stdout(describeStatus(status))
    const prefix = file ? 'catalog: warning: ' : 'catalog: '
    for (const problem of status.problems) io.stderr(`${prefix}${problem.replace(/\n/g, '\n  ')}\n`)
  }
  return status.problems.length > 0 && file === null ? 1 : 0
}
