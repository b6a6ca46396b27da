// Prepares a scenario file for gitlab-ci-local. gitlab-ci-local resolves our self-include natively, but it
// does not apply interpolation functions (`posix_escape`, `expand_vars`, `truncate`) and accepts undeclared
// inputs (anchors §3.3). Our engine is the judge of those: a component whose template uses a function, or any
// include when `E2E_RENDER=engine`, is rendered by `@catalog/engine` and handed over as a local include.
// The prepared copy also carries the suite's input overrides (services off: gitlab-ci-local would try to pull
// the service images even in shell mode).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse, stringify } from 'yaml'
import type { Workspace } from './workspace.js'

export interface Prepared {
  /** The file handed to gitlab-ci-local, relative to the workspace (no dot directory: its local includes are globbed without dotfiles). */
  file: string
  /** How each included component was resolved, for the report and failure messages. */
  includes: { component: string; mode: 'gitlab-ci-local' | 'engine'; reason: string }[]
}

/** A configuration error GitLab would show before the pipeline starts: no job runs. */
export class PipelineConfigError extends Error {}

const COMPONENT_ADDRESS = /^\$CI_SERVER_FQDN\/\$CI_PROJECT_PATH\/([^@]+)@\$CI_COMMIT_SHA$/
const FUNCTION_CALL = /\$\[\[[^\]]*\|[^\]]*\]\]/
/** A top-level `include:` after the header: gitlab-ci-local turns a component's inner `include:local` into a
 * `project:` include and fetches it from the remote (anchors §3.2), which does not exist here. */
const INNER_INCLUDE = /^---\s*$[\s\S]*^include:/m

type Include = string | Record<string, unknown>

interface EngineModule {
  render?: (source: string, context: Record<string, unknown>) => unknown
}

async function renderWithEngine(
  source: string,
  context: {
    inputs: Record<string, unknown>
    component: Record<string, string>
    variables: Record<string, string>
  },
  location: string,
): Promise<string> {
  const engine = (await import('@catalog/engine')) as EngineModule
  if (typeof engine.render !== 'function') {
    throw new Error('@catalog/engine does not export render(): the suite needs it to render components')
  }
  let result: unknown
  try {
    result = await engine.render(source, context)
  } catch (error) {
    throw new PipelineConfigError(
      `\`${location}\`: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  return engineOutputToYaml(result, location)
}

/** The engine's result as YAML text; an error result becomes GitLab's "`<location>`: <message>". */
function engineOutputToYaml(result: unknown, location: string): string {
  if (typeof result === 'string') return result
  if (result && typeof result === 'object') {
    const r = result as { ok?: boolean; error?: unknown; config?: unknown }
    if (r.ok === false) throw new PipelineConfigError(`\`${location}\`: ${String(r.error)}`)
    if (r.ok === true) return stringify(r.config, { lineWidth: 0 })
  }
  throw new Error(`unexpected result from @catalog/engine render(): ${JSON.stringify(result)?.slice(0, 200)}`)
}

export async function prepareScenario(
  workspace: Workspace,
  scenario: string,
  options: {
    variables: Record<string, string>
    inputOverrides: Record<string, Record<string, unknown>>
    forceEngine?: boolean
  },
): Promise<Prepared> {
  const text = readFileSync(join(workspace.dir, scenario), 'utf8')
  const doc = parse(text) as Record<string, unknown>
  const includes: Include[] = Array.isArray(doc.include)
    ? doc.include
    : doc.include
      ? [doc.include as Include]
      : []
  const prepared: Prepared = { file: '', includes: [] }
  const outDir = join(workspace.dir, 'e2e-prepared')
  mkdirSync(outDir, { recursive: true })
  const forceEngine = options.forceEngine === true || process.env.E2E_RENDER === 'engine'

  const rewritten: Include[] = []
  for (const [index, include] of includes.entries()) {
    const address = typeof include === 'object' ? include.component : undefined
    const match = typeof address === 'string' ? COMPONENT_ADDRESS.exec(address) : null
    if (!match || typeof include !== 'object') {
      rewritten.push(include)
      continue
    }
    const name = match[1] as string
    const templatePath = `templates/${name}/template.yml`
    const templateFile = join(workspace.dir, templatePath)
    if (!existsSync(templateFile))
      throw new PipelineConfigError(`component ${name} not found: ${templatePath}`)
    const inputs = {
      ...((include.inputs as Record<string, unknown> | undefined) ?? {}),
      ...(options.inputOverrides[name] ?? {}),
    }
    const source = readFileSync(templateFile, 'utf8')
    const usesFunctions = FUNCTION_CALL.test(source)
    const includesOthers = INNER_INCLUDE.test(source)
    if (usesFunctions || includesOthers || forceEngine) {
      const rendered = await renderWithEngine(
        source,
        {
          inputs,
          component: {
            name,
            sha: workspace.sha,
            reference: workspace.sha,
            version: '',
          },
          variables: options.variables,
        },
        templatePath,
      )
      const file = `e2e-prepared/${index}-${name}.yml`
      writeFileSync(join(workspace.dir, file), rendered)
      rewritten.push({ local: file })
      prepared.includes.push({
        component: name,
        mode: 'engine',
        reason: usesFunctions
          ? 'template uses interpolation functions, which gitlab-ci-local does not apply'
          : includesOthers
            ? "template includes another file, which gitlab-ci-local would fetch from the component's remote"
            : 'the test asks for GitLab-faithful input validation',
      })
    } else {
      rewritten.push({ ...include, inputs })
      prepared.includes.push({
        component: name,
        mode: 'gitlab-ci-local',
        reason: 'no interpolation functions',
      })
    }
  }
  if (includes.length > 0) doc.include = rewritten
  prepared.file = `e2e-prepared/${basename(scenario)}`
  writeFileSync(join(workspace.dir, prepared.file), stringify(doc, { lineWidth: 0 }))
  // gitlab-ci-local resolves include:local against `git ls-files`: stage (not commit) the prepared files, so
  // HEAD, which the self-includes pin, stays the same.
  execFileSync('git', ['add', '--', 'e2e-prepared'], { cwd: workspace.dir, stdio: 'ignore' })
  return prepared
}
