export { type BumpResult, compareCatalogs, compareComponent, formatReason } from './compare-catalogs.js'
export { documentedVersion } from './documented-version.js'
export {
  CATALOG_PACKAGE,
  type Changeset,
  isChangesetFile,
  type ParseChangesetResult,
  parseChangeset,
} from './parse-changeset.js'
export {
  planRelease,
  type Refusal,
  type RefusalCode,
  type ReleaseFacts,
  type ReleasePlan,
} from './plan-release.js'
export { type ComponentModel, type InputModel, readComponent } from './read-component.js'
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
export {
  type ComponentSource,
  type Level,
  type LevelOrNone,
  levelBelow,
  maxLevel,
  type Reason,
} from './types.js'
