export {
  type Catalog,
  type Component,
  type ComponentMeta,
  loadCatalog,
  type ProjectInfo,
  type Scenario,
} from './load-catalog.js'
export { type CatalogVersion, loadVersions, parseChangelog } from './load-versions.js'
