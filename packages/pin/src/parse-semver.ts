/** A version tag parsed with GitLab's catalog rule: semver 2.0 with an optional leading `v`. */
export interface Semver {
  /** The tag as written, e.g. `v1.2.0` or `2.1.0-rc.1`. */
  tag: string
  major: number
  minor: number
  patch: number
  /** Dot-separated pre-release identifiers; empty for a release. */
  prerelease: string[]
  build: string | null
}

// `Gitlab::Regex::SemVer.optional_prefixed` (lib/gitlab/regex/sem_ver.rb, lib/gitlab/regex/packages.rb).
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0)(?:\.(?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

/** Parses a tag name as a catalog version, or returns null when GitLab would not publish it as one. */
export function parseSemver(tag: string): Semver | null {
  const match = SEMVER.exec(tag)
  if (!match) return null
  const [, major, minor, patch, prerelease, build] = match
  return {
    tag,
    major: Number(major),
    minor: Number(minor),
    patch: Number(patch),
    prerelease: prerelease ? prerelease.split('.') : [],
    build: build ?? null,
  }
}

export function isPrerelease(version: Semver): boolean {
  return version.prerelease.length > 0
}

/**
 * Semver precedence, ascending: major, minor, patch; a release after its pre-releases; pre-release identifiers
 * compared one by one, numeric ones numerically and before alphanumeric ones. Build metadata and a `v` prefix
 * are ignored, so `1.2.0` and `v1.2.0` are equal here.
 */
export function comparePrecedence(a: Semver, b: Semver): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch
  if (core !== 0) return Math.sign(core)
  return comparePrerelease(a.prerelease, b.prerelease)
}

/** `comparePrecedence`, with ties broken by tag name so that sorting is stable. */
export function compareSemver(a: Semver, b: Semver): number {
  return comparePrecedence(a, b) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0)
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 0
  if (a.length === 0) return 1
  if (b.length === 0) return -1
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string
    const y = b[i] as string
    const xNumeric = /^\d+$/.test(x)
    const yNumeric = /^\d+$/.test(y)
    if (xNumeric && yNumeric) {
      const difference = Number(x) - Number(y)
      if (difference !== 0) return Math.sign(difference)
    } else if (xNumeric !== yNumeric) {
      return xNumeric ? -1 : 1
    } else if (x !== y) {
      return x < y ? -1 : 1
    }
  }
  return Math.sign(a.length - b.length)
}
