export {
  type Catalog,
  type Component,
  type ComponentMeta,
  loadCatalog,
  type ProjectInfo,
  type Scenario,
  templateComponentName,
} from './load-catalog.js'
export { type ChangesetFile, isChangesetFile, loadChangesets } from './load-changesets.js'
export { type CatalogVersion, loadVersions, readChangelog } from './load-versions.js'
export { CatalogFileError, type FileRead, MAX_FILE_BYTES, readCatalogFile } from './read-catalog-file.js'
export type { CatalogProblem } from './walk-tree.js'
