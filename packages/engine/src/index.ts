export type { ErrorCode, SpecError } from './errors.js'
export { joinErrors, MAX_REPORTED_ERRORS } from './errors.js'
export { isRulesIfTruthful, isValidExpression } from './expression/evaluate-expression.js'
export type { GitlabFeature, GitlabFeatureId, GitlabFeatureUse } from './find-gitlab-features.js'
export { findGitlabFeatures, GITLAB_FEATURES } from './find-gitlab-features.js'
export { shellescape } from './functions/posix-escape.js'
export type {
  GitlabFeatureFlag,
  GitlabTarget,
  GitlabTargetOptions,
  GitlabTargetResult,
  GitlabVersion,
} from './gitlab-version.js'
export {
  compareGitlabVersions,
  DEFAULT_GITLAB_VERSION,
  GITLAB_FEATURE_FLAGS,
  gitlabTarget,
  isGitlabVersion,
  SUPPORTED_GITLAB_VERSIONS,
} from './gitlab-version.js'
export { GLOBAL_KEYWORDS } from './global-keywords.js'
export type { InterpolationBlock } from './interpolate/find-blocks.js'
export { findBlocks } from './interpolate/find-blocks.js'
export type { ParseYamlResult } from './parse-yaml.js'
export { parseYaml, YamlReference, yamlReferenceTag } from './parse-yaml.js'
export type { ReadSpecResult } from './read-spec.js'
export { readSpec } from './read-spec.js'
export { type ReindentedText, reindentQuotedScalar, remapRanges } from './reindent-quoted-scalars.js'
export type { RenderOptions, RenderResult } from './render.js'
export { render } from './render.js'
export type { DocumentText } from './split-documents.js'
export { splitDocuments } from './split-documents.js'
export type { ComponentContext, ComponentSpec, InputSpec, InputType, VariableValue } from './types.js'
export { type CompiledRe2, compileRe2 } from './util-re2.js'
