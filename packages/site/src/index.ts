export { buildSite } from './build-site.js'
export {
  type CatalogView,
  type ComponentView,
  describeCatalog,
  formatValue,
  type InputView,
  type ReferenceView,
  usageSnippet,
  type VersionView,
} from './describe-catalog.js'
export { componentHref } from './render-index.js'
export { type ReferenceKind, resolveReferences, type VersionReference } from './resolve-references.js'
export { latestRelease, type SortedVersion, sortVersions } from './sort-versions.js'
export type { SiteComponent, SiteInput, SiteInputSpec, SiteVersion } from './types.js'
export { escapeHtml, inlineMarkdown, scriptJson } from './util-html.js'
