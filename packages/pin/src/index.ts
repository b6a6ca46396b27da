export {
  type ComponentReference,
  type FoundReferences,
  findComponentReferences,
  type LocalInclude,
  type YamlProblem,
} from './find-component-references.js'
export { type OutdatedEntry, outdated } from './outdated.js'
export { type CatalogRefs, parseForEachRef, parseLsRemote } from './parse-git-refs.js'
export {
  type CatalogTag,
  type Resolution,
  type ResolutionKind,
  type ResolveErrorCode,
  type ResolveOptions,
  releases,
  resolveReference,
} from './resolve-reference.js'
export {
  PIN_LEVELS,
  type Pin,
  type PinLevel,
  pinnedReference,
  type Rewrite,
  rewriteReferences,
} from './rewrite-references.js'
export { unifiedDiff } from './unified-diff.js'
