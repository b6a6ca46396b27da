export {
  type ChangelogGroup,
  type ChangelogSection,
  changelogSection,
  componentChanges,
  insertChangelogSection,
  parseChangelog,
  renderChangelogSection,
  topChangelogVersion,
} from './changelog.js'
export {
  compareVersions,
  FIRST_VERSION,
  isNewer,
  isPrerelease,
  type Level,
  latestRelease,
  nextVersion,
  parseVersion,
  sortVersions,
  type Version,
  versionStep,
} from './version.js'
