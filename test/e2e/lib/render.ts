// Prepares a scenario file for the runner: every `component:` include of this catalog (the scenarios' self-include
// `$CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA`) is rendered by @catalog/engine as GitLab renders it
// (input validation, interpolation functions, GitLab's messages), together with the `include: local` files it
// passes inputs to, and handed over as local includes. gitlab-ci-local then only merges files (`--preview`); it
// would interpolate with its own rules, which differ from GitLab's (anchors §3.3). The suite's input overrides
// (local images, CA files) are applied here.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { render, yamlReferenceTag } from '@catalog/engine'
import { parse, stringify } from 'yaml'
import type { Workspace } from './workspace.js'

export interface Prepared {
  /** The file handed to gitlab-ci-local, relative to the workspace (no dot directory: its local includes are globbed without dotfiles). */
  file: string
  /** The components rendered for the scenario. */
  includes: { component: string; file: string }[]
}

/** A configuration error GitLab would show before the pipeline starts: no job runs. */
export class PipelineConfigError extends Error {}

const COMPONENT_ADDRESS = /^\$CI_SERVER_FQDN\/\$CI_PROJECT_PATH\/([^@]+)@\$CI_COMMIT_SHA$/

type Include = string | Record<string, unknown>

interface EngineContext {
  inputs: Record<string, unknown>
  component: Record<string, string>
  variables: Record<string, string>
}

const asList = (value: unknown): Include[] => (Array.isArray(value) ? value : value ? [value as Include] : [])

/**
 * A template rendered as GitLab renders it, with the `include: local` entries that pass `inputs` rendered too
 * (GitLab resolves them in the component's project at the component's commit: here, the workspace).
 */
async function renderTree(
  workspace: Workspace,
  templatePath: string,
  context: EngineContext,
  outName: string,
): Promise<string> {
  const source = readFileSync(join(workspace.dir, templatePath), 'utf8')
  const result = render(source, context)
  if (!result.ok) throw new PipelineConfigError(`\`${templatePath}\`: ${result.error}`)
  const config = result.config as Record<string, unknown>
  const includes = asList(config.include)
  const rewritten: Include[] = []
  for (const [index, include] of includes.entries()) {
    if (typeof include === 'object' && typeof include.local === 'string' && include.inputs) {
      const local = include.local.replace(/^\//, '')
      if (!existsSync(join(workspace.dir, local)))
        throw new PipelineConfigError(`Local file \`${include.local}\` does not exist!`)
      const inputs = include.inputs as Record<string, unknown>
      rewritten.push({
        local: await renderTree(workspace, local, { ...context, inputs }, `${outName}-${index}`),
      })
    } else {
      rewritten.push(include)
    }
  }
  if (includes.length > 0) config.include = rewritten
  const file = `e2e-prepared/${outName}.yml`
  writeFileSync(
    join(workspace.dir, file),
    stringify(config, { lineWidth: 0, customTags: [yamlReferenceTag] }),
  )
  return file
}

/**
 * The scenario's inputs with this machine's overrides: a key replaces the input, a key ending in `+` appends
 * its items to the input's list (so a local setting such as a CA flag never hides the scenario's own items).
 */
export function withOverrides(
  inputs: Record<string, unknown>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...inputs }
  for (const [key, value] of Object.entries(overrides)) {
    if (!key.endsWith('+')) {
      merged[key] = value
      continue
    }
    const name = key.slice(0, -1)
    const current = merged[name] ?? []
    if (!Array.isArray(current) || !Array.isArray(value))
      throw new Error(`input override ${key}: both sides must be lists`)
    merged[name] = [...current, ...value]
  }
  return merged
}

export async function prepareScenario(
  workspace: Workspace,
  scenario: string,
  options: { variables: Record<string, string>; inputOverrides: Record<string, Record<string, unknown>> },
): Promise<Prepared> {
  const doc = parse(readFileSync(join(workspace.dir, scenario), 'utf8')) as Record<string, unknown>
  const includes = asList(doc.include)
  const prepared: Prepared = { file: '', includes: [] }
  mkdirSync(join(workspace.dir, 'e2e-prepared'), { recursive: true })
  const rewritten: Include[] = []
  for (const [index, include] of includes.entries()) {
    const address = typeof include === 'object' ? include.component : undefined
    const name = typeof address === 'string' ? COMPONENT_ADDRESS.exec(address)?.[1] : undefined
    if (!name || typeof include !== 'object') {
      rewritten.push(include)
      continue
    }
    const templatePath = `templates/${name}/template.yml`
    if (!existsSync(join(workspace.dir, templatePath)))
      throw new PipelineConfigError(`component ${name} not found: ${templatePath}`)
    const inputs = withOverrides(
      (include.inputs as Record<string, unknown> | undefined) ?? {},
      options.inputOverrides[name] ?? {},
    )
    const file = await renderTree(
      workspace,
      templatePath,
      {
        inputs,
        component: { name, sha: workspace.sha, reference: workspace.sha, version: '' },
        variables: options.variables,
      },
      `${index}-${name}`,
    )
    rewritten.push({ local: file })
    prepared.includes.push({ component: name, file })
  }
  if (includes.length > 0) doc.include = rewritten
  prepared.file = `e2e-prepared/${basename(scenario)}`
  writeFileSync(join(workspace.dir, prepared.file), stringify(doc, { lineWidth: 0 }))
  // gitlab-ci-local resolves include:local against `git ls-files`: stage (not commit) the prepared files, so
  // HEAD, which the jobs check out, stays the commit the self-includes pin.
  execFileSync('git', ['add', '--', 'e2e-prepared'], { cwd: workspace.dir, stdio: 'ignore' })
  return prepared
}
