export {
  CATALOG_PACKAGE,
  type Changeset,
  isChangesetFile,
  type ParseChangesetResult,
  parseChangeset,
} from './parse-changeset.js'
export {
  type ChangelogGroup,
  changelogSectionBody,
  groupChangesets,
  insertChangelogSection,
  OTHER_GROUP,
  renderChangelogBody,
  renderChangelogSection,
  topChangelogVersion,
} from './render-changelog.js'
export {
  compareVersions,
  FIRST_VERSION,
  formatVersion,
  latestRelease,
  nextVersion,
  parseVersion,
  type Version,
} from './semver.js'
export { type ComponentSource, type Level, type LevelOrNone, levelBelow, maxLevel, type Reason } from './types.js'
