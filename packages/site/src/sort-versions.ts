import { compareVersions, isPrerelease, parseVersion, type Version } from '@catalog/versions'
import type { SiteVersion } from './types.js'

export interface SortedVersion extends SiteVersion {
  parsed: Version
}

/** Version tags newest first (@catalog/versions' order); tags that are not versions are dropped (GitLab never publishes them). */
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
  return versions.find((version) => !isPrerelease(version.parsed)) ?? null
}
