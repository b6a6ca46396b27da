import semver from 'semver'

/** A catalog version: a tag GitLab publishes as one (semver 2.0 with an optional leading `v`). */
export interface Version {
  /** The tag as written: `1.4.0`, `v1.4.0`, `2.0.0-rc.1+build.5`. */
  tag: string
  major: number
  minor: number
  patch: number
  /** Pre-release identifiers (`rc.10` → `['rc', 10]`); empty for a release. */
  prerelease: readonly (string | number)[]
  /** The version without `v` and build metadata, as `semver` compares it. */
  precedence: string
}

export type Level = 'patch' | 'minor' | 'major'

/** The first version of a catalog that has never been released. */
export const FIRST_VERSION = '1.0.0'

/**
 * Parses a tag with GitLab's rule for catalog versions (`Gitlab::Regex::SemVer.optional_prefixed`: semver 2.0, an
 * optional `v`); null when GitLab would not publish it as a version.
 */
export function parseVersion(tag: string): Version | null {
  if (!/^v?\d/.test(tag) || tag.trim() !== tag) return null
  const parsed = semver.parse(tag)
  if (parsed === null) return null
  return {
    tag,
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    prerelease: parsed.prerelease,
    precedence: parsed.version,
  }
}

export function isPrerelease(version: Version): boolean {
  return version.prerelease.length > 0
}

/**
 * Semver precedence, ascending (pre-release identifiers compared one by one, numbers as numbers, a release after
 * its pre-releases; build metadata and `v` ignored), ties broken by tag text so sorting is stable.
 */
export function compareVersions(a: Version, b: Version): number {
  return semver.compare(a.precedence, b.precedence) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)
}

/** Whether `a` is a newer version than `b` by precedence alone (`1.2.0` and `v1.2.0` are the same version). */
export function isNewer(a: Version, b: Version): boolean {
  return semver.gt(a.precedence, b.precedence)
}

/** The version tags among `tags`, newest first; other tags are dropped. */
export function sortVersions(tags: readonly string[]): Version[] {
  return tags
    .map(parseVersion)
    .filter((version) => version !== null)
    .sort((a, b) => compareVersions(b, a))
}

/**
 * The newest version among `tags`, as GitLab's `~latest` picks it: pre-releases only when `prerelease` is set.
 * Returns the tag as written, or null when there is none.
 */
export function latestRelease(
  tags: readonly string[],
  options: { prerelease?: boolean } = {},
): string | null {
  return sortVersions(tags).find((version) => options.prerelease || !isPrerelease(version))?.tag ?? null
}

/**
 * The version after `last` for a `level` bump (semver's own increment), keeping a `v` prefix if `last` had one;
 * FIRST_VERSION when there is no `last`.
 */
export function nextVersion(last: string | null, level: Level): string {
  if (last === null) return FIRST_VERSION
  const version = parseVersion(last)
  if (!version) throw new TypeError(`not a semantic version: ${last}`)
  return `${last.startsWith('v') ? 'v' : ''}${semver.inc(version.precedence, level)}`
}

/** The bump that leads from `from` to the newer `to` (major when there is no `from`), or null when it is not newer. */
export function versionStep(from: string | null, to: string): Level | null {
  const next = parseVersion(to)
  if (from === null) return next ? 'major' : null
  const previous = parseVersion(from)
  if (!previous || !next || !isNewer(next, previous)) return null
  if (next.major > previous.major) return 'major'
  if (next.minor > previous.minor) return 'minor'
  return 'patch'
}
