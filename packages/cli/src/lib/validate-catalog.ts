import { planDocs } from '@catalog/docs'
import { loadCatalog } from '@catalog/loader'
import { type RuleReport, type RuleTools, runRules } from '@catalog/rules'
import { createCiLint } from './ci-lint-api.js'
import { createCiSchemaValidator } from './ci-schema.js'
import { readDocumentedVersion } from './documented-version.js'
import { runShellcheck } from './run-shellcheck.js'

export interface ValidateCatalogOptions {
  env: Record<string, string | undefined>
  only?: string[]
  /** Where to resolve gitlab-ci-local from (the catalog root by default). */
  schemaFrom?: string
  shellcheckBinary?: string
}

/** Loads the catalog at `root`, wires the rules' I/O (shellcheck, the CI schema, CI Lint, docs) and runs them. */
export async function validateCatalog(root: string, options: ValidateCatalogOptions): Promise<RuleReport> {
  const catalog = loadCatalog(root)
  const version = readDocumentedVersion(root)
  const ciLint = createCiLint(options.env)
  const tools: RuleTools = {
    runShellcheck: (scripts) => runShellcheck(scripts, options.shellcheckBinary),
    validateCiSchema: await createLazySchema(options.schemaFrom ?? root),
    planDocs: () => planDocs(catalog, { version }),
    ...(ciLint ? { lintCiConfig: ciLint } : {}),
  }
  return runRules(catalog, tools, options.only ? { only: options.only } : {})
}

/** Compiling the schema takes a few hundred ms: do it on first use, after shellcheck has been started. */
async function createLazySchema(from: string): Promise<RuleTools['validateCiSchema']> {
  let validator:
    | Promise<(config: unknown) => ReturnType<NonNullable<RuleTools['validateCiSchema']>>>
    | undefined
  return async (config) => {
    validator ??= createCiSchemaValidator(from)
    return (await validator)(config)
  }
}
