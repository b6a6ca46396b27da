import { planDocs } from '@catalog/docs'
import { loadCatalog } from '@catalog/loader'
import {
  createCiLint,
  createCiSchemaValidator,
  runShellcheck,
  ToolUnavailableError,
} from '@catalog/rule-tools'
import {
  defaultConfig,
  parseValidateConfig,
  type RuleReport,
  type RuleTools,
  rules,
  runRules,
  type ValidateConfig,
} from '@catalog/rules'
import { UserError } from '../errors.js'
import { readDocumentedVersion } from './documented-version.js'

export interface ValidateCatalogOptions {
  env: Record<string, string | undefined>
  only?: string[]
  /** Overrides the config's profile (`--profile`). */
  profile?: string
  shellcheckBinary?: string
}

/** Loads the catalog at `root`, wires the rules' I/O (shellcheck, the CI schema, CI Lint, docs) and runs them. */
export async function validateCatalog(
  root: string,
  options: ValidateCatalogOptions,
): Promise<RuleReport & { config: ValidateConfig }> {
  const catalog = loadCatalog(root)
  const parsed = catalog.config
    ? parseValidateConfig(catalog.config.file, catalog.config.source, rules)
    : { ok: true as const, config: defaultConfig() }
  if (!parsed.ok) throw new UserError(parsed.error)
  const config = options.profile ? { ...parsed.config, profile: options.profile } : parsed.config
  const version = readDocumentedVersion(root)
  const ciLint = createCiLint(options.env)
  const tools: RuleTools = {
    runShellcheck: (scripts) => runShellcheck(scripts, options.shellcheckBinary),
    validateCiSchema: createLazySchema(),
    planDocs: () => planDocs(catalog, { version }),
    ...(ciLint ? { lintCiConfig: ciLint } : {}),
  }
  try {
    const report = await runRules(catalog, tools, { config, ...(options.only ? { only: options.only } : {}) })
    return { ...report, config }
  } catch (error) {
    if (error instanceof ToolUnavailableError) throw new UserError(error.message)
    throw error
  }
}

/** Compiling the schema takes a few hundred ms: do it on first use, after shellcheck has been started. */
function createLazySchema(): RuleTools['validateCiSchema'] {
  let validator:
    | Promise<(config: unknown) => ReturnType<NonNullable<RuleTools['validateCiSchema']>>>
    | undefined
  return async (config) => {
    validator ??= createCiSchemaValidator()
    return (await validator)(config)
  }
}
