import type { SiteVersion } from './types.js'

// GitLab's Gitlab::Regex::SemVer.optional_prefixed.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0)(?:\.(?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

export interface ParsedVersion {
  major: number
  minor: number
  patch: number
  prerelease: string | null
}

export function parseVersion(tag: string): ParsedVersion | null {
  const match = SEMVER.exec(tag)
  if (!match) return null
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ?? null,
  }
}

function comparePrerelease(a: string, b: string): number {
  const left = a.split('.')
  const right = b.split('.')
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i]
    const y = right[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    const xNumeric = /^\d+$/.test(x)
    const yNumeric = /^\d+$/.test(y)
    if (xNumeric && yNumeric && Number(x) !== Number(y)) return Number(x) - Number(y)
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

/** Semver precedence: negative when `a` is older than `b`. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  if (a.major !== b.major) return a.major - b.major
  if (a.minor !== b.minor) return a.minor - b.minor
  if (a.patch !== b.patch) return a.patch - b.patch
  if (a.prerelease === b.prerelease) return 0
  if (a.prerelease === null) return 1
  if (b.prerelease === null) return -1
  return comparePrerelease(a.prerelease, b.prerelease)
}

export interface SortedVersion extends SiteVersion {
  parsed: ParsedVersion
}

/** Semver tags newest first; tags that are not semver are dropped (GitLab never publishes them). */
export function sortVersions(versions: SiteVersion[]): SortedVersion[] {
  return versions
    .flatMap((version) => {
      const parsed = parseVersion(version.version)
      return parsed ? [{ ...version, parsed }] : []
    })
    .sort((a, b) => compareVersions(b.parsed, a.parsed))
}

/** The newest version that is not a pre-release: what `~latest` resolves to. */
export function latestRelease(versions: SortedVersion[]): SortedVersion | null {
  return versions.find((version) => version.parsed.prerelease === null) ?? null
}
