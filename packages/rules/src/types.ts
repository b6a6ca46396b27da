import type { ComponentSpec, ReadSpecResult } from '@catalog/engine'
import type { CiLint, SchemaError, ShellcheckComment, ShellScript } from '@catalog/rule-tools'

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

/** What the rules read of a component; the loader's `Component` satisfies it. */
export interface RuleComponent {
  name: string
  file: string
  source: string
  readmeFile: string
  readme: string | null
  metaFile: string
  meta: { summary: string; minimumGitlab?: string } | null
  metaError: string | null
  /** The engine's reading of the file's bytes (the loader's); read from `source` when absent. */
  spec?: ReadSpecResult
}

export interface RuleScenario {
  component: string
  name: string
  file: string
  source: string
}

/** What the rules read of the catalog; the loader's `Catalog` satisfies it. */
export interface RuleCatalog {
  project: { readmeFile: string; readme: string | null; description: string }
  /** `.catalogrc.yml` at the catalog root, when there is one. */
  config?: { file: string; source: string } | null
  components: RuleComponent[]
  strayFiles: string[]
  scenarios: RuleScenario[]
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
  planDocs?: (catalog: RuleCatalog) => DocsFile[]
}

export type { ComponentSpec, SchemaError, ShellcheckComment, ShellScript }
