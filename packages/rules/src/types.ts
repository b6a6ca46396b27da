import type { ComponentSpec } from '@catalog/engine'
import type { CiLint, SchemaError, ShellcheckComment, ShellScript } from '@catalog/rule-tools'
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
  lintCiConfig?: CiLint
  /** Runs shellcheck over all scripts at once. */
  runShellcheck?: (scripts: ShellScript[]) => Promise<ShellcheckComment[]>
  /** The generated docs (`@catalog/docs`), compared with the files by `docs-drift`. */
  planDocs?: (catalog: Catalog) => DocsFile[]
}

export type { ComponentSpec, SchemaError, ShellcheckComment, ShellScript }
