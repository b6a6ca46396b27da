import type { ReleaseFacts } from '@catalog/bump'
import { loadChangesets, readChangelog } from '@catalog/loader'
import type { Catalog } from '@catalog/types'
import { latestRelease, topChangelogVersion } from '@catalog/versions'
import { componentsAt, dirtyFiles, fileAt, firstParent, listTags, remoteTags } from './release-git.js'

/**
 * Everything planRelease decides on, read from the repository at `root`: tags (and origin's, when `remote`),
 * the components at the last release tag and now, changesets, CHANGELOG.md and whether HEAD added its top
 * section, the tree's state. `warnings` says what could not be checked.
 */
export function gatherReleaseFacts(
  root: string,
  catalog: Catalog,
  date: string,
  options: { remote: boolean },
): { facts: ReleaseFacts; warnings: string[] } {
  const warnings: string[] = []
  const tags = listTags(root)
  let remote: string[] = []
  if (options.remote) {
    try {
      remote = remoteTags(root) ?? []
    } catch (error) {
      warnings.push(
        `could not list origin's tags (${(error as Error).message.split('\n')[0]}); checked local tags only`,
      )
    }
  }
  const last = latestRelease(tags)
  const changelog = readChangelog(root)
  const top = changelog === null ? null : topChangelogVersion(changelog)
  const parent = firstParent(root)
  const before = parent === null ? null : fileAt(root, parent, 'CHANGELOG.md')
  const headAddedTopSection =
    top !== null &&
    fileAt(root, 'HEAD', 'CHANGELOG.md') !== null &&
    (before === null || topChangelogVersion(before) !== top)
  const facts: ReleaseFacts = {
    tags,
    remoteTags: remote,
    released: last === null ? [] : componentsAt(root, last),
    current: catalog.components.map(({ name, source }) => ({ name, source })),
    changesetFiles: loadChangesets(root),
    changelog,
    date,
    dirtyFiles: dirtyFiles(root),
    headAddedTopSection,
    validation: null,
  }
  return { facts, warnings }
}
