import type { ComponentSpec } from '@catalog/engine'
import type { Catalog } from '@catalog/types'

export type Severity = 'error' | 'warning'

/** One problem found in one file; `line`/`col` are 1-based. */
export interface Finding {
  file: string
  line: number
  col: number
  rule: string
  severity: Severity
  message: string
}

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

/** A generated-docs file: what it holds now and what `catalog docs` would write. */
export interface DocsFile {
  file: string
  current: string | null
  expected: string
}

/**
 * The I/O a few rules need, injected by the caller so this package stays pure. A rule whose tool is missing
 * does not run.
 */
export interface RuleTools {
  /** Validates one rendered configuration against GitLab's CI JSON schema. */
  validateCiSchema?: (config: unknown) => SchemaError[] | Promise<SchemaError[]>
  /** GitLab's CI Lint API: the final word on a configuration (YAML text), when an instance is configured. */
  lintCiConfig?: (yaml: string) => Promise<{ errors: string[]; warnings: string[] }>
  /** Runs shellcheck over all scripts at once. */
  runShellcheck?: (scripts: ShellScript[]) => Promise<ShellcheckComment[]>
  /** The generated docs (`@catalog/docs`), compared with the files by `docs-drift`. */
  planDocs?: (catalog: Catalog) => DocsFile[]
}

export type { ComponentSpec }
