export { createLineIndex, type LineIndex } from './line-index.js'
export { mostSpecific } from './rules/ci-schema.js'
export { pinProblem } from './rules/image-unpinned.js'
export { type RuleDefinition, ruleIds, rules } from './rules/index.js'
export { type RuleReport, type RunRulesOptions, runRules } from './run-rules.js'
export type {
  DocsFile,
  Finding,
  RuleTools,
  SchemaError,
  Severity,
  ShellcheckComment,
  ShellScript,
} from './types.js'
export {
  CONFIG_FILE,
  DEFAULT_PROFILE,
  defaultConfig,
  type ParseConfigResult,
  PROFILES,
  parseValidateConfig,
  type RuleCategory,
  type ValidateConfig,
} from './validate-config.js'
