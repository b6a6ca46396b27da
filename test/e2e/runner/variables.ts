// CI/CD variables as GitLab hands them to a job and GitLab Runner exports them: the precedence of their
// sources, `$VAR`/`${VAR}` expansion of values (once, never by a shell, never for `expand: false`), file-type
// variables, and the dotenv reports later jobs inherit. Pure: no I/O.

export interface Variable {
  value: string
  /** `expand: false` in YAML (GitLab's "raw"): the runner exports the value as written. */
  raw?: boolean
  /** A file-type variable: the job sees the path of a file holding the value. */
  file?: boolean
}

export type VariableSet = Record<string, Variable>

/**
 * The sources GitLab merges for a job, lowest precedence first (doc/ci/variables/_index.md, "CI/CD variable
 * precedence"): predefined, then the YAML's global `variables:`, the job's `variables:`, dotenv reports of the
 * jobs it depends on, and project (or group, instance) CI/CD variables, which beat everything in the YAML. That
 * last step is why a component must not use a common name for a variable it sets for itself.
 */
export interface VariableSources {
  predefined: Record<string, string>
  globalYaml: VariableSet
  jobYaml: VariableSet
  dotenv: Record<string, string>
  project: VariableSet
  /** Variables of the matching `rules:` entry: they override the job's own `variables:` (but not dotenv or project). */
  rules?: VariableSet
}

export function mergeVariables(sources: VariableSources): VariableSet {
  const merged: VariableSet = {}
  const put = (entries: VariableSet) => {
    for (const [name, variable] of Object.entries(entries)) {
      delete merged[name]
      merged[name] = variable
    }
  }
  put(Object.fromEntries(Object.entries(sources.predefined).map(([k, value]) => [k, { value }])))
  put(sources.globalYaml)
  put(sources.jobYaml)
  put(sources.rules ?? {})
  put(Object.fromEntries(Object.entries(sources.dotenv).map(([k, value]) => [k, { value }])))
  put(sources.project)
  return merged
}

/**
 * GitLab Runner's expansion of one value: `$NAME` and `${NAME}` become the named variable's value as it was
 * given (not itself expanded again), unknown names become empty, and `$$` is a literal `$`.
 */
export function expandValue(value: string, lookup: (name: string) => string | undefined): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match, braced, bare) => {
      if (match === '$$') return '$'
      return lookup((braced ?? bare) as string) ?? ''
    },
  )
}

/**
 * The environment a job's shell starts with: every variable's value expanded once against the merged set
 * (raw ones untouched), file variables replaced by the path `filePath(name)` where their content is written.
 */
export function jobEnvironment(
  variables: VariableSet,
  filePath: (name: string) => string,
): { env: Record<string, string>; files: Record<string, string> } {
  const env: Record<string, string> = {}
  const files: Record<string, string> = {}
  const lookup = (name: string) => {
    const variable = variables[name]
    if (!variable) return undefined
    return variable.file ? filePath(name) : variable.value
  }
  for (const [name, variable] of Object.entries(variables)) {
    const value = variable.raw ? variable.value : expandValue(variable.value, lookup)
    if (variable.file) {
      files[name] = value
      env[name] = filePath(name)
    } else {
      env[name] = value
    }
  }
  return { env, files }
}

/** YAML `variables:` entries: a scalar, or `{ value, expand, description, options }`. */
export function yamlVariables(raw: unknown): VariableSet {
  const variables: VariableSet = {}
  if (!raw || typeof raw !== 'object') return variables
  for (const [name, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      const { value, expand } = entry as { value?: unknown; expand?: unknown }
      variables[name] = { value: scalarText(value), ...(expand === false ? { raw: true } : {}) }
    } else {
      variables[name] = { value: scalarText(entry) }
    }
  }
  return variables
}

const scalarText = (value: unknown) => (value === null || value === undefined ? '' : String(value))

/**
 * A dotenv report as GitLab reads it (doc/ci/yaml/artifacts_reports.md, "artifacts:reports:dotenv"): one
 * `KEY=VALUE` per line, keys of letters, digits and underscores, no quotes or multi-line values, at most 20
 * variables (GitLab.com's limit); anything else makes the report invalid and GitLab ignores it whole.
 */
export function parseDotenv(
  text: string,
): { ok: true; variables: Record<string, string> } | { ok: false; error: string } {
  const variables: Record<string, string> = {}
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  for (const line of lines) {
    const cut = line.indexOf('=')
    const key = cut > 0 ? line.slice(0, cut) : ''
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return { ok: false, error: `invalid dotenv line: ${line}` }
    variables[key] = line.slice(cut + 1)
  }
  if (Object.keys(variables).length > 20)
    return { ok: false, error: 'dotenv report has more than 20 variables' }
  return { ok: true, variables }
}
