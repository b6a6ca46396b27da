import { documentedVersion } from '@catalog/bump'
import { loadVersions, readChangelog } from '@catalog/loader'

/**
 * The version generated docs name as the latest: CHANGELOG.md's top section while its tag is pending (the release
 * merge request, and the default branch until `release:tag` runs), else the newest release tag. `docs` and the
 * docs-drift rule use it, so the release commit, the branch it lands on and the tag agree.
 */
export function readDocumentedVersion(root: string): string | null {
  return documentedVersion(
    readChangelog(root),
    loadVersions(root).map((release) => release.version),
  )
}
