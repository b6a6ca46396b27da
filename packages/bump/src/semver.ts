import type { Level } from './types.js'

/** A parsed catalog version; `prefix` is `v` when the tag had one (GitLab accepts `v1.2.3`). */
export interface Version {
  prefix: '' | 'v'
  major: number
  minor: number
  patch: number
  prerelease: string | null
}

// GitLab's Gitlab::Regex::SemVer.optional_prefixed (lib/gitlab/regex/sem_ver.rb).
const SEMVER =
  /^(v?)(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0)(?:\.(?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

/** Parses a tag as GitLab would accept it for a catalog version; null when it is not one. */
export function parseVersion(tag: string): Version | null {
  const match = SEMVER.exec(tag)
  if (!match) return null
  return {
    prefix: match[1] === 'v' ? 'v' : '',
    major: Number(match[2]),
    minor: Number(match[3]),
    patch: Number(match[4]),
    prerelease: match[5] ?? null,
  }
}

export function formatVersion(version: Version): string {
  const core = `${version.prefix}${version.major}.${version.minor}.${version.patch}`
  return version.prerelease === null ? core : `${core}-${version.prerelease}`
}

/** Orders by major, minor, patch; a release sorts after its pre-releases. */
export function compareVersions(a: Version, b: Version): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch
  if (core !== 0) return core
  if (a.prerelease === b.prerelease) return 0
  if (a.prerelease === null) return 1
  if (b.prerelease === null) return -1
  return a.prerelease < b.prerelease ? -1 : 1
}

/**
 * The newest released version among `tags`: semver tags only, pre-releases ignored (as GitLab's `~latest` does).
 * Returns the tag text as written, or null when the catalog has never been released.
 */
export function latestRelease(tags: readonly string[]): string | null {
  let best: { tag: string; version: Version } | null = null
  for (const tag of tags) {
    const version = parseVersion(tag)
    if (!version || version.prerelease !== null) continue
    if (!best || compareVersions(version, best.version) > 0) best = { tag, version }
  }
  return best?.tag ?? null
}

/** The first version of a catalog that has never been released, whatever its changesets ask for. */
export const FIRST_VERSION = '1.0.0'

/**
 * The version after `last` for a `level` bump, keeping a `v` prefix if `last` had one. Plain semver arithmetic,
 * also below 1.0.0 (a major bump of `0.3.1` is `1.0.0`). `last` null means a first release: `1.0.0`.
 */
export function nextVersion(last: string | null, level: Level): string {
  if (last === null) return FIRST_VERSION
  const version = parseVersion(last)
  if (!version) throw new TypeError(`not a semantic version: ${last}`)
  const next: Version = { ...version, prerelease: null }
  if (level === 'major') Object.assign(next, { major: version.major + 1, minor: 0, patch: 0 })
  else if (level === 'minor') Object.assign(next, { minor: version.minor + 1, patch: 0 })
  else next.patch = version.patch + 1
  return formatVersion(next)
}
