export { code, formatCell, formatValue } from './format-cell.js'
export {
  type DocsCatalog,
  type DocsComponent,
  type DocsFile,
  type PlanDocsOptions,
  planDocs,
  renderCatalogTable,
} from './plan-docs.js'
export { type DocsMeta, renderInputsTable, renderOutputsTable, renderUsage } from './render-component-docs.js'
export { begin, end, replaceSection, section } from './replace-section.js'
