/**
 * Errors are data. Every message is GitLab's text verbatim; `code` is ours, for tools that need to branch on it.
 */
export type ErrorCode =
  | 'YAML_TOO_BIG'
  | 'YAML_SYNTAX_ERROR'
  | 'YAML_DISALLOWED_CLASS'
  | 'YAML_INVALID_FORMAT'
  | 'YAML_TOO_DEEP'
  | 'INPUTS_NOT_A_HASH'
  | 'INPUTS_WITHOUT_HEADER'
  | 'HEADER_INVALID'
  | 'INPUT_SPEC_UNKNOWN_TYPE'
  | 'INPUT_UNKNOWN'
  | 'INPUT_REQUIRED'
  | 'INPUT_TYPE_MISMATCH'
  | 'INPUT_NOT_IN_OPTIONS'
  | 'INPUT_OPTIONS_NOT_ALLOWED'
  | 'INPUT_REGEX_MISMATCH'
  | 'INPUT_REGEX_INVALID'
  | 'INPUT_REGEX_NOT_ALLOWED'
  | 'CONFIG_TOO_LARGE'
  | 'CONFIG_NODE_TOO_LARGE'
  | 'TOO_MANY_BLOCKS'
  | 'ACCESS_INVALID_PATTERN'
  | 'ACCESS_TOO_LONG'
  | 'ACCESS_UNKNOWN_KEY'
  | 'ACCESS_INVALID_INDEX'
  | 'TOO_MANY_FUNCTIONS'
  | 'FUNCTION_UNKNOWN'
  | 'FUNCTION_FAILED'
  | 'FUNCTION_NOT_LAST'
  | 'GITLAB_VERSION_UNSUPPORTED'
  | 'FEATURE_FLAG_UNKNOWN'
  | 'FEATURE_FLAG_UNAVAILABLE'

export interface SpecError {
  code: ErrorCode
  /** GitLab's text verbatim. */
  message: string
  /** Source offsets `[start, end]` in the file, when known. */
  range?: [number, number]
}

export function specError(code: ErrorCode, message: string, range?: [number, number]): SpecError {
  return range ? { code, message, range } : { code, message }
}

/** GitLab surfaces at most three errors, joined by `, ` (`Interpolator#error_message`). */
export const MAX_REPORTED_ERRORS = 3

export function joinErrors(errors: readonly SpecError[]): string {
  return errors
    .slice(0, MAX_REPORTED_ERRORS)
    .map((error) => error.message)
    .join(', ')
}
