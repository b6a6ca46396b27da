import {
  changelogSection as findChangelogSection,
  insertChangelogSection,
  latestRelease,
  nextVersion,
  renderChangelogSection,
  topChangelogVersion,
  versionStep,
} from '@catalog/versions'
import { type BumpResult, compareCatalogs, formatReason } from './compare-catalogs.js'
import { groupChangesets } from './group-changesets.js'
import { type Changeset, parseChangeset } from './parse-changeset.js'
import { type ComponentSource, type LevelOrNone, levelBelow, maxLevel } from './types.js'

/** Everything the release decision depends on, gathered by the caller (git, files, `catalog validate`). */
export interface ReleaseFacts {
  /** Every tag in the repository. */
  tags: readonly string[]
  /** The tags of the remote the release will be pushed to (`origin`), when known. */
  remoteTags: readonly string[]
  /** The components at the last release tag (empty when there is none). */
  released: readonly ComponentSource[]
  /** The components now. */
  current: readonly ComponentSource[]
  /** `.changeset/*.md` files other than README.md: repository-relative path and contents. */
  changesetFiles: readonly { file: string; contents: string }[]
  /** CHANGELOG.md now, or null when there is none. */
  changelog: string | null
  /** Today, `YYYY-MM-DD`, for the section heading. */
  date: string
  /** `git status --porcelain` lines; empty when the tree is clean. */
  dirtyFiles: readonly string[]
  /** Whether HEAD (against its first parent) is the commit that added CHANGELOG.md's top section. */
  headAddedTopSection: boolean
  /** The result of `catalog validate`, or null when it was not run. */
  validation: { ok: boolean; summary: string } | null
}

export type RefusalCode =
  | 'DIRTY_TREE'
  | 'INVALID_CHANGESET'
  | 'NO_CHANGESETS'
  | 'BUMP_TOO_SMALL'
  | 'TAG_EXISTS'
  | 'VALIDATE_FAILED'
  | 'RELEASE_COMMIT_NOT_HEAD'

export interface Refusal {
  code: RefusalCode
  message: string
}

/**
 * What `catalog release` would do. `release`: consume the changesets into a CHANGELOG.md section, commit, tag.
 * `tag`: no changesets are pending and HEAD added an untagged CHANGELOG.md section (a merged release merge
 * request): tag HEAD. `none`: nothing to release.
 */
export interface ReleasePlan {
  action: 'release' | 'tag' | 'none'
  lastRelease: string | null
  /** The version to release (also the tag name), or null for `none`. */
  version: string | null
  /** The bump the changesets ask for (`release`) or the version step implies (`tag`). */
  requested: LevelOrNone
  /** The bump the templates require against the last release, with its reasons. */
  required: BumpResult
  changesets: Changeset[]
  /** The CHANGELOG.md section of this version, heading included: the tag's message. */
  changelogSection: string
  /** CHANGELOG.md after the release (`release` only; otherwise unchanged). */
  changelog: string | null
  refusals: Refusal[]
}

function tagExists(facts: ReleaseFacts, version: string): Refusal | null {
  if (facts.tags.includes(version)) {
    return { code: 'TAG_EXISTS', message: `tag ${version} already exists: this version has been released` }
  }
  if (facts.remoteTags.includes(version)) {
    return {
      code: 'TAG_EXISTS',
      message: `tag ${version} already exists on origin: fetch it (git fetch --tags) and release from there`,
    }
  }
  return null
}

function tooSmall(asked: LevelOrNone, what: string, required: BumpResult): Refusal | null {
  if (!levelBelow(asked, required.level)) return null
  const needing = required.reasons.filter((reason) => levelBelow(asked, reason.level))
  return {
    code: 'BUMP_TOO_SMALL',
    message: `${what} a ${asked} release, but the templates changed in ways that need ${required.level}:\n${needing
      .map((reason) => `  - ${formatReason(reason)} (${reason.level})`)
      .join('\n')}`,
  }
}

type PlanBase = Pick<ReleasePlan, 'lastRelease' | 'required' | 'changesets' | 'refusals'>

/** Every changeset parsed; each one that cannot be read is a refusal. */
function parseChangesets(files: ReleaseFacts['changesetFiles']): Pick<PlanBase, 'changesets' | 'refusals'> {
  const changesets: Changeset[] = []
  const refusals: Refusal[] = []
  for (const { file, contents } of files) {
    const parsed = parseChangeset(file, contents)
    if (parsed.ok) changesets.push(parsed.changeset)
    else refusals.push({ code: 'INVALID_CHANGESET', message: parsed.error })
  }
  return { changesets, refusals }
}

/** Refusals any plan can get: a dirty tree (named first) and a failing validate (named last). */
function addTreeAndValidateRefusals(facts: ReleaseFacts, refusals: Refusal[]): void {
  if (facts.dirtyFiles.length > 0) {
    const shown = facts.dirtyFiles.slice(0, 5).join(', ')
    const more = facts.dirtyFiles.length > 5 ? ` and ${facts.dirtyFiles.length - 5} more` : ''
    refusals.unshift({
      code: 'DIRTY_TREE',
      message: `the working tree has uncommitted changes (${shown}${more}): commit them first`,
    })
  }
  if (facts.validation && !facts.validation.ok) {
    refusals.push({
      code: 'VALIDATE_FAILED',
      message: `catalog validate failed:\n${facts.validation.summary}`,
    })
  }
}

/**
 * Without changesets: tag CHANGELOG.md's top section when a merged release merge request added it and it has no
 * tag yet; otherwise there is nothing to release.
 */
function planWithoutChangesets(facts: ReleaseFacts, base: PlanBase): ReleasePlan {
  const { lastRelease, required, refusals } = base
  const top = facts.changelog === null ? null : topChangelogVersion(facts.changelog)
  const untagged =
    top !== null && !facts.tags.includes(top) && versionStep(lastRelease, top) !== null ? top : null
  if (untagged === null || facts.changelog === null) {
    refusals.push({
      code: 'NO_CHANGESETS',
      message: `no pending changesets in .changeset/: nothing to release${lastRelease ? ` (last release ${lastRelease})` : ''}`,
    })
    return {
      ...base,
      action: 'none',
      version: null,
      requested: 'none',
      changelogSection: '',
      changelog: null,
    }
  }
  const exists = tagExists(facts, untagged)
  if (exists) refusals.push(exists)
  if (!facts.headAddedTopSection) {
    refusals.push({
      code: 'RELEASE_COMMIT_NOT_HEAD',
      message: `CHANGELOG.md's top section ${untagged} has no tag, but HEAD is not the commit that added it: tag that commit by hand (git tag -a ${untagged} <commit>) or add a changeset`,
    })
  }
  const requested = lastRelease === null ? 'none' : (versionStep(lastRelease, untagged) ?? 'none')
  const refusal =
    lastRelease === null ? null : tooSmall(requested, `${lastRelease} → ${untagged} is`, required)
  if (refusal) refusals.push(refusal)
  const section = findChangelogSection(facts.changelog, untagged)
  return {
    ...base,
    action: 'tag',
    version: untagged,
    requested,
    changelogSection: `${section?.heading ?? `## ${untagged}`}\n\n${section?.body ?? ''}\n`,
    changelog: facts.changelog,
  }
}

/** With changesets: the next version for the largest bump they ask for, and its CHANGELOG.md section. */
function planNewRelease(facts: ReleaseFacts, base: PlanBase): ReleasePlan {
  const { lastRelease, required, changesets, refusals } = base
  const requested = changesets.reduce<LevelOrNone>(
    (level, changeset) => maxLevel(level, changeset.level),
    'none',
  )
  const version = requested === 'none' ? null : nextVersion(lastRelease, requested)
  if (lastRelease !== null && requested !== 'none') {
    const refusal = tooSmall(requested, 'the changesets ask for', required)
    if (refusal) refusals.push(refusal)
  }
  const exists = version === null ? null : tagExists(facts, version)
  if (exists) refusals.push(exists)
  const components = [
    ...new Set([...facts.current, ...facts.released].map((component) => component.name)),
  ].sort()
  const changelogSection =
    version === null
      ? ''
      : renderChangelogSection(version, facts.date, groupChangesets(changesets, components))
  return {
    ...base,
    action: 'release',
    version,
    requested,
    changelogSection,
    changelog: version === null ? null : insertChangelogSection(facts.changelog, changelogSection),
  }
}

/**
 * Decides whether and how the catalog may be released. Refuses (as data, every reason at once) on a dirty tree,
 * unreadable or missing changesets, an existing tag, a failing validate, or changesets that ask for less than the
 * templates' changes require — naming the changes that need more. A first release is `1.0.0` whatever the
 * changesets ask for (there is no earlier version to be compatible with).
 */
export function planRelease(facts: ReleaseFacts): ReleasePlan {
  const lastRelease = latestRelease(facts.tags)
  const required = compareCatalogs(lastRelease === null ? [] : facts.released, facts.current)
  const base = { lastRelease, required, ...parseChangesets(facts.changesetFiles) }
  const plan =
    facts.changesetFiles.length === 0 ? planWithoutChangesets(facts, base) : planNewRelease(facts, base)
  addTreeAndValidateRefusals(facts, plan.refusals)
  return plan
}
