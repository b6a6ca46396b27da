import { isNewer, latestRelease, parseVersion, topChangelogVersion } from '@catalog/versions'

/**
 * The version the tree documents as the catalog's latest: CHANGELOG.md's top section when it is newer than every
 * release tag (a release commit waiting for its tag, as on `release/next` and on the default branch between the
 * merge of the release merge request and its tag), else the newest release tag; null when never released.
 * Generated docs that name the latest version should use this, so the release commit, the branch it merges into
 * and the tag all agree.
 */
export function documentedVersion(changelog: string | null, tags: readonly string[]): string | null {
  const released = latestRelease(tags)
  const top = changelog === null ? null : topChangelogVersion(changelog)
  const pending = top === null ? null : parseVersion(top)
  if (pending === null || pending.prerelease.length > 0) return released
  const last = released === null ? null : parseVersion(released)
  return last === null || isNewer(pending, last) ? pending.tag : released
}
