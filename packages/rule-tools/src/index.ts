export { createCiLint } from './ci-lint-api.js'
export {
  CI_SCHEMA_TESTED_WITH,
  createCiSchemaValidator,
  EDITOR_ONLY_CONSTRAINTS,
  readBundledCiSchema,
  withoutEditorOnlyConstraints,
} from './ci-schema.js'
export { runShellcheck } from './run-shellcheck.js'
export {
  type CiLint,
  type SchemaError,
  type ShellcheckComment,
  type ShellScript,
  ToolUnavailableError,
} from './types.js'
