export { loadCatalog, templateComponentName } from './load-catalog.js'
export { type ChangesetFile, isChangesetFile, loadChangesets } from './load-changesets.js'
export { loadVersions, readChangelog } from './load-versions.js'
export {
  CatalogFileError,
  type FileBytesRead,
  type FileRead,
  MAX_FILE_BYTES,
  readCatalogBytes,
  readCatalogFile,
} from './read-catalog-file.js'
