import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  formatReason,
  isChangesetFile,
  planRelease,
  type ReleaseFacts,
  type ReleasePlan,
} from '@catalog/bump'
import { planDocs } from '@catalog/docs'
import { type Catalog, loadCatalog, loadVersions } from '@catalog/loader'
import { latestRelease, topChangelogVersion } from '@catalog/versions'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import {
  componentsAt,
  dirtyFiles,
  fileAt,
  firstParent,
  GitError,
  git,
  headCommit,
  listTags,
  remoteTags,
  repositoryRoot,
} from '../../lib/release-git.js'
import { parseFlags } from '../../parse-flags.js'

export const usage = `Usage: catalog release [--dry-run] [--prepare] [--date YYYY-MM-DD] [--json]

Versions the whole catalog from its changesets (.changeset/*.md), as one semver version.

With pending changesets: checks them against what the templates changed since the last release tag, writes the
new CHANGELOG.md section, removes the changesets, commits "Release <version>" and creates the annotated tag
<version> whose message is that section. Without pending changesets, when HEAD is the commit that added an
untagged CHANGELOG.md section (a merged release merge request): creates that tag.

Refuses, changing nothing, on: a dirty tree, no pending changesets, a changeset that cannot be read, changesets
asking for less than the templates need, an existing tag, a failing \`catalog validate\`.

  --dry-run            print the plan (version, bumps and their reasons, changelog section); change nothing
  --prepare            write and commit the release (CHANGELOG.md, changesets removed) but create no tag:
                       the commit of a release merge request, tagged by \`catalog release\` once merged
  --date YYYY-MM-DD    the date in the changelog heading (default: today, UTC)
  --json               print the plan and what was done as one JSON object

Exit codes: 0 released, tagged or planned; 1 refused (nothing was changed), or a git step failed (rolled
back); 2 usage error.`

/** Runs `catalog validate` on the repository; replaced in tests by a stand-in gate. */
export type ValidateGate = (root: string) => Promise<{ ok: boolean; summary: string }>

export interface ReleaseDeps {
  validate?: ValidateGate
}

/** The real gate: `catalog validate` in-process, its output kept as the refusal's summary. */
export const runValidate: ValidateGate = async (root) => {
  const { main } = await import('../../index.js')
  let output = ''
  const code = await main(['validate'], {
    stdout: (text) => {
      output += text
    },
    stderr: (text) => {
      output += text
    },
    cwd: root,
    env: {},
    isTTY: false,
  })
  const lines = output.trimEnd().split('\n')
  const summary = lines.length > 20 ? [...lines.slice(0, 20), `… (${lines.length - 20} more lines)`] : lines
  return { ok: code === 0, summary: summary.map((line) => `  ${line}`).join('\n') }
}

function readChangesetFiles(root: string): ReleaseFacts['changesetFiles'] {
  const dir = join(root, '.changeset')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter(isChangesetFile)
    .sort()
    .map((name) => ({ file: `.changeset/${name}`, contents: readFileSync(join(dir, name), 'utf8') }))
}

function gatherFacts(root: string, catalog: Catalog, date: string, warnings: string[]): ReleaseFacts {
  const tags = listTags(root)
  let remote: string[] = []
  try {
    remote = remoteTags(root) ?? []
  } catch (error) {
    warnings.push(
      `could not list origin's tags (${(error as Error).message.split('\n')[0]}); checked local tags only`,
    )
  }
  const last = latestRelease(tags)
  const changelogPath = join(root, 'CHANGELOG.md')
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : null
  const top = changelog === null ? null : topChangelogVersion(changelog)
  const parent = firstParent(root)
  const before = parent === null ? null : fileAt(root, parent, 'CHANGELOG.md')
  const headAddedTopSection =
    top !== null &&
    fileAt(root, 'HEAD', 'CHANGELOG.md') !== null &&
    (before === null || topChangelogVersion(before) !== top)
  return {
    tags,
    remoteTags: remote,
    released: last === null ? [] : componentsAt(root, last),
    current: catalog.components.map(({ name, source }) => ({ name, source })),
    changesetFiles: readChangesetFiles(root),
    changelog,
    date,
    dirtyFiles: dirtyFiles(root),
    headAddedTopSection,
    validation: null,
  }
}

interface Outcome {
  done: string[]
  commit: string | null
  tag: string | null
}

/** Commits the release and, unless `prepare`, tags it; on any failure puts HEAD and the tree back as they were. */
function applyRelease(root: string, catalog: Catalog, plan: ReleasePlan, prepare: boolean): Outcome {
  const version = plan.version as string
  const previous = headCommit(root)
  const done: string[] = []
  const docs: string[] = []
  const rollBack = (step: string, error: unknown): never => {
    git(root, ['reset', '--quiet', '--hard', previous])
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UserError(
      `${step} failed (${reason}); rolled back: HEAD is back at ${previous.slice(0, 12)}, CHANGELOG.md and the changesets are restored, no tag was created`,
    )
  }
  let commit: string
  try {
    writeFileSync(join(root, 'CHANGELOG.md'), plan.changelog ?? '')
    git(root, ['add', '--', 'CHANGELOG.md'])
    // The generated docs name the latest version (`catalog docs` reads it from the newest tag). Files that are up to
    // date for the current version get the new one, so the tree the tag points at is up to date for the tag.
    const documented = loadVersions(root)[0]?.version ?? null
    const upToDate = new Map(
      planDocs(catalog, { version: documented }).map((file) => [file.file, file.expected]),
    )
    for (const file of planDocs(catalog, { version })) {
      if (file.current === null || file.current !== upToDate.get(file.file) || file.current === file.expected)
        continue
      writeFileSync(join(root, file.file), file.expected)
      git(root, ['add', '--', file.file])
      docs.push(file.file)
    }
    git(root, ['rm', '--quiet', '--', ...plan.changesets.map((changeset) => changeset.file)])
    git(root, ['commit', '--quiet', '-m', `Release ${version}`])
    commit = headCommit(root)
  } catch (error) {
    return rollBack('committing the release', error)
  }
  done.push(
    'updated CHANGELOG.md',
    ...docs.map((file) => `regenerated ${file} for ${version}`),
    ...plan.changesets.map((changeset) => `removed ${changeset.file}`),
    `committed ${commit.slice(0, 12)} "Release ${version}"`,
  )
  if (prepare) return { done, commit, tag: null }
  try {
    git(root, ['tag', '--annotate', '--cleanup=verbatim', '--file=-', version], plan.changelogSection)
  } catch (error) {
    return rollBack(`creating tag ${version}`, error)
  }
  done.push(`created annotated tag ${version}`)
  return { done, commit, tag: version }
}

function applyTag(root: string, plan: ReleasePlan): Outcome {
  const version = plan.version as string
  try {
    git(root, ['tag', '--annotate', '--cleanup=verbatim', '--file=-', version], plan.changelogSection)
  } catch (error) {
    throw new UserError(
      `creating tag ${version} failed (${(error as Error).message.split('\n')[0]}); nothing was changed`,
    )
  }
  const commit = headCommit(root)
  return { done: [`created annotated tag ${version} on ${commit.slice(0, 12)}`], commit, tag: version }
}

function describePlan(plan: ReleasePlan, dryRun: boolean, prepare: boolean): string {
  const lines: string[] = []
  const last = plan.lastRelease ?? 'none (first release)'
  if (plan.action === 'none') {
    lines.push(`Nothing to release (last release: ${last}).`)
  } else if (plan.action === 'tag') {
    lines.push(`Tag ${plan.version}: HEAD added its CHANGELOG.md section (last release: ${last}).`)
  } else {
    lines.push(
      `Release ${plan.version ?? '?'} (${plan.requested}; last release: ${last})${prepare ? ', without tag' : ''}`,
    )
    lines.push('', `Changesets (${plan.changesets.length}):`)
    for (const changeset of plan.changesets) {
      lines.push(`  ${changeset.file} (${changeset.level}): ${changeset.text.split('\n')[0]}`)
    }
  }
  // Shown even when there is nothing to release: it says which changeset a change needs.
  if (plan.action !== 'none' || plan.required.reasons.length > 0) {
    lines.push(
      '',
      `The templates need: ${plan.required.level}${plan.lastRelease === null ? ' (not checked for a first release)' : ''}`,
    )
    for (const reason of plan.required.reasons) lines.push(`  - ${formatReason(reason)} (${reason.level})`)
  }
  if (plan.action !== 'none') {
    if (plan.changelogSection) {
      lines.push('', dryRun ? 'Changelog section:' : 'Changelog section (also the tag message):', '')
      lines.push(
        ...plan.changelogSection
          .trimEnd()
          .split('\n')
          .map((line) => (line ? `  ${line}` : '')),
      )
    }
  }
  return `${lines.join('\n')}\n`
}

function today(): string {
  return new Date().toISOString().slice(0, 10)
}

export async function run(args: string[], io: Io, deps: ReleaseDeps = {}): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      'dry-run': { type: 'boolean' },
      prepare: { type: 'boolean' },
      date: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)
  const date = values.date ?? today()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new UsageError(`--date must be YYYY-MM-DD, got \`${date}\``, usage)
  }
  const dryRun = values['dry-run'] === true
  const prepare = values.prepare === true
  const root = repositoryRoot(io.cwd)
  if (root === null) throw new UserError(`${io.cwd} is not in a git repository: releases are git tags`)

  let plan: ReleasePlan
  const warnings: string[] = []
  let outcome: Outcome = { done: [], commit: null, tag: null }
  try {
    const catalog = loadCatalog(root)
    const facts = gatherFacts(root, catalog, date, warnings)
    plan = planRelease(facts)
    if (plan.action !== 'none') {
      const validation = await (deps.validate ?? runValidate)(root)
      plan = planRelease({ ...facts, validation })
    }
    if (prepare && plan.action === 'tag') {
      plan.refusals.push({
        code: 'NO_CHANGESETS',
        message: `no pending changesets: nothing to prepare (${plan.version} is committed and waits for its tag)`,
      })
    }
    if (plan.refusals.length === 0 && !dryRun) {
      outcome = plan.action === 'tag' ? applyTag(root, plan) : applyRelease(root, catalog, plan, prepare)
    }
  } catch (error) {
    if (error instanceof GitError) throw new UserError(`git: ${error.message.split('\n')[0]}`)
    throw error
  }

  const refused = plan.refusals.length > 0
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          ok: !refused,
          dryRun,
          prepare,
          action: plan.action,
          lastRelease: plan.lastRelease,
          version: plan.version,
          requested: plan.requested,
          required: plan.required,
          changesets: plan.changesets,
          changelogSection: plan.changelogSection,
          refusals: plan.refusals,
          warnings,
          ...outcome,
        },
        null,
        2,
      )}\n`,
    )
    return refused ? 1 : 0
  }
  for (const warning of warnings) io.stderr(`catalog: warning: ${warning}\n`)
  io.stdout(describePlan(plan, dryRun, prepare))
  if (refused) {
    io.stderr(
      `catalog: refusing to release; nothing was changed:\n${plan.refusals.map((r) => `  - ${r.message.replace(/\n/g, '\n    ')}`).join('\n')}\n`,
    )
    return 1
  }
  if (dryRun) {
    io.stdout('\nDry run: nothing was changed.\n')
  } else {
    io.stdout(`\nDone:\n${outcome.done.map((line) => `  - ${line}`).join('\n')}\n`)
    if (outcome.tag && plan.action === 'tag') io.stdout(`\nPublish it: git push origin ${outcome.tag}\n`)
    else if (outcome.tag) io.stdout(`\nPublish it: git push --atomic origin HEAD ${outcome.tag}\n`)
    else if (prepare)
      io.stdout('\nPush this commit for review; once merged, `catalog release` creates the tag.\n')
  }
  return 0
}
