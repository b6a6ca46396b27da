export { type BumpResult, compareCatalogs, compareComponent, formatReason } from './compare-catalogs.js'
export { documentedVersion } from './documented-version.js'
export { groupChangesets, OTHER_GROUP } from './group-changesets.js'
export {
  CATALOG_PACKAGE,
  type Changeset,
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
  type ComponentSource,
  type Level,
  type LevelOrNone,
  levelBelow,
  maxLevel,
  type Reason,
} from './types.js'
