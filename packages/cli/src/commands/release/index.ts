import { formatReason, planRelease, type ReleaseFacts, type ReleasePlan } from '@catalog/bump'
import { loadCatalog } from '@catalog/loader'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { type AppliedRelease, applyRelease, applyTag, prepareRelease } from '../../lib/apply-release-plan.js'
import { gatherReleaseFacts } from '../../lib/release-facts.js'
import { GitError, repositoryRoot } from '../../lib/release-git.js'
import { type SignalGuard, withSignalGuard } from '../../lib/signal-guard.js'
import { type ValidateGate, validateGate } from '../../lib/validate-gate.js'
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

export type { ValidateGate }

export interface ReleaseDeps {
  /** `catalog validate`'s checks; tests pass a stand-in. */
  validate?: ValidateGate
}

interface ReleaseOptions {
  dryRun: boolean
  prepare: boolean
  date: string
  json: boolean
}

function parseReleaseFlags(args: string[]): ReleaseOptions {
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
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new UsageError(`--date must be YYYY-MM-DD, got \`${date}\``, usage)
  }
  return {
    dryRun: values['dry-run'] === true,
    prepare: values.prepare === true,
    date,
    json: values.json === true,
  }
}

/** Plans the release (validate included when there is something to release), then applies it unless refused. */
async function release(
  root: string,
  options: ReleaseOptions,
  validate: ValidateGate,
  guard: SignalGuard,
): Promise<{ plan: ReleasePlan; warnings: string[]; outcome: AppliedRelease }> {
  const unchanged = 'nothing was changed'
  const catalog = loadCatalog(root)
  const { facts, warnings } = gatherReleaseFacts(root, catalog, options.date, { remote: true })
  let plan = planRelease(facts)
  if (plan.action !== 'none') {
    plan = planRelease({
      ...facts,
      validation: await guard.race(validate(root), unchanged),
    } satisfies ReleaseFacts)
  }
  if (options.prepare && plan.action === 'tag') {
    plan.refusals.push({
      code: 'NO_CHANGESETS',
      message: `no pending changesets: nothing to prepare (${plan.version} is committed and waits for its tag)`,
    })
  }
  await guard.checkpoint(unchanged)
  let outcome: AppliedRelease = { done: [], commit: null, tag: null }
  if (plan.refusals.length === 0 && !options.dryRun) {
    outcome =
      plan.action === 'tag'
        ? await applyTag(root, plan, guard)
        : await applyRelease(root, prepareRelease(root, catalog, plan, !options.prepare), guard)
  }
  return { plan, warnings, outcome }
}

export async function run(args: string[], io: Io, deps: ReleaseDeps = {}): Promise<number> {
  const options = parseReleaseFlags(args)
  const root = repositoryRoot(io.cwd)
  if (root === null) throw new UserError(`${io.cwd} is not in a git repository: releases are git tags`)
  let result: Awaited<ReturnType<typeof release>>
  try {
    result = await withSignalGuard((guard) => release(root, options, deps.validate ?? validateGate, guard))
  } catch (error) {
    if (error instanceof GitError) {
      // Applying the plan reports its own git failures; one that gets here came before any change.
      throw new UserError(`git: ${error.message.split('\n')[0]}; nothing was changed`)
    }
    throw error
  }
  const { plan, warnings, outcome } = result
  const refused = plan.refusals.length > 0
  if (options.json) {
    io.stdout(`${JSON.stringify(releaseJson(plan, options, warnings, outcome), null, 2)}\n`)
    return refused ? 1 : 0
  }
  for (const warning of warnings) io.stderr(`catalog: warning: ${warning}\n`)
  io.stdout(describePlan(plan, options.dryRun, options.prepare))
  if (refused) {
    const reasons = plan.refusals.map((r) => `  - ${r.message.replace(/\n/g, '\n    ')}`).join('\n')
    io.stderr(`catalog: refusing to release; nothing was changed:\n${reasons}\n`)
    return 1
  }
  io.stdout(describeOutcome(plan, options, outcome))
  return 0
}

function releaseJson(
  plan: ReleasePlan,
  options: ReleaseOptions,
  warnings: string[],
  outcome: AppliedRelease,
) {
  return {
    ok: plan.refusals.length === 0,
    dryRun: options.dryRun,
    prepare: options.prepare,
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
  }
}

function describeOutcome(plan: ReleasePlan, options: ReleaseOptions, outcome: AppliedRelease): string {
  if (options.dryRun) return '\nDry run: nothing was changed.\n'
  let text = `\nDone:\n${outcome.done.map((line) => `  - ${line}`).join('\n')}\n`
  if (outcome.tag && plan.action === 'tag') text += `\nPublish it: git push origin ${outcome.tag}\n`
  else if (outcome.tag) text += `\nPublish it: git push --atomic origin HEAD ${outcome.tag}\n`
  else if (options.prepare)
    text += '\nPush this commit for review; once merged, `catalog release` creates the tag.\n'
  return text
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
