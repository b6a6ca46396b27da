export { createLineIndex, type LineIndex } from './line-index.js'
export { mostSpecific } from './rules/ci-schema.js'
export { pinProblem } from './rules/image-unpinned.js'
export { ruleIds, rules } from './rules/index.js'
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
