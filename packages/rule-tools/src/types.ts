/** One error from validating a rendered configuration against GitLab's CI schema. */
export interface SchemaError {
  /** JSON pointer into the configuration, e.g. `/build/script/0`. */
  path: string
  message: string
}

/** A shell script handed to shellcheck; `name` comes back on each comment. */
export interface ShellScript {
  name: string
  text: string
}

/** One shellcheck comment (`shellcheck -f json`), `line` 1-based within the script. */
export interface ShellcheckComment {
  name: string
  line: number
  column: number
  level: 'error' | 'warning' | 'info' | 'style'
  code: number
  message: string
}

/** GitLab's CI Lint API, the final word on a configuration, when `CI_SERVER_URL` and a token are set. */
export type CiLint = (yaml: string) => Promise<{ errors: string[]; warnings: string[] }>

/** A tool the rules need cannot be used; `message` says why and what to do, in one line. */
export class ToolUnavailableError extends Error {
  override name = 'ToolUnavailableError'
}
