import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { documentedVersion } from '@catalog/bump'
import { loadVersions } from '@catalog/loader'

/**
 * The version generated docs name as the latest: CHANGELOG.md's top section while its tag is pending (the release
 * merge request, and the default branch until `release:tag` runs), else the newest release tag. `docs` and the
 * docs-drift rule use it, so the release commit, the branch it lands on and the tag agree.
 */
export function readDocumentedVersion(root: string): string | null {
  const changelogPath = join(root, 'CHANGELOG.md')
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : null
  return documentedVersion(
    changelog,
    loadVersions(root).map((release) => release.version),
  )
}
