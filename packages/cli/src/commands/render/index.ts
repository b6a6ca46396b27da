import { resolve } from 'node:path'
import {
  type ComponentContext,
  DEFAULT_GITLAB_VERSION,
  GITLAB_FEATURE_FLAGS,
  gitlabTarget,
  parseYaml,
  type RenderOptions,
  render,
  SUPPORTED_GITLAB_VERSIONS,
  type VariableValue,
  yamlReferenceTag,
} from '@catalog/engine'
import { readCatalogBytes, readCatalogFile } from '@catalog/loader'
import { Document } from 'yaml'
import { UsageError } from '../../errors.js'
import type { Io } from '../../io.js'
import { workingTreeContext } from '../../lib/working-tree-context.js'
import { parseFlags } from '../../parse-flags.js'

export const usage = `Usage: catalog render <file> [--inputs-file <yaml>] [--input name=value]... [--context-file <yaml>]
                      [--gitlab-version <x.y>] [--feature-flag <name>]... [--json]

Renders a component file the way GitLab includes it: header validated, inputs checked, $[[ ]] interpolated.

  --inputs-file <yaml>    a YAML mapping of input values, as under \`include: inputs:\`
  --input name=value      one input; the value is read as YAML (\`n=3\` is a number); repeatable, wins over the file
  --context-file <yaml>   \`component: {name, sha, version, reference}\` and \`variables: {NAME: value | {value, masked}}\`;
                          without \`component\`, a file under a catalog's templates/ gets what GitLab would give it at
                          the working tree's commit (name from the path, HEAD's sha, its tag or branch as reference)
  --gitlab-version <x.y>  the GitLab whose behaviour to follow: ${SUPPORTED_GITLAB_VERSIONS.join(', ')} (default ${DEFAULT_GITLAB_VERSION})
  --feature-flag <name>   treat a GitLab feature flag that is off by default as enabled; repeatable
                          (${Object.keys(GITLAB_FEATURE_FLAGS).join(', ')})
  --json                  print one JSON object: {"ok": true, "config": …} or {"ok": false, "error": "…"}

Exit codes: 0 rendered, 1 GitLab rejected the file or its inputs, 2 usage error.`

/** A problem with the files the command was given (not GitLab's verdict on the component): exit 2. */
class ArgumentFileError extends Error {}

/**
 * What reading a file named on the command line gave, or the one-line refusal: regular files only (a FIFO or
 * `/dev/zero` is refused, not waited on), through links, at most the loader's size limit.
 */
function accept<T extends { ok: true }>(
  read: T | { ok: false; problem: string } | null,
  path: string,
  what: string,
): T {
  if (read === null) throw new ArgumentFileError(`cannot read ${what} \`${path}\`: no such file`)
  if (!read.ok) throw new ArgumentFileError(`cannot read ${what} \`${path}\`: it ${read.problem}`)
  return read
}

/** The component file's bytes: the engine reads them as GitLab does (invalid UTF-8 is its reader error). */
const readBytes = (path: string, what: string) =>
  accept(readCatalogBytes(path, { followLinks: true }), path, what).bytes

/** A file of ours (inputs, context): UTF-8 text. */
const readText = (path: string, what: string) =>
  accept(readCatalogFile(path, { followLinks: true }), path, what).text

function loadYamlArgument(text: string, what: string): unknown {
  const result = parseYaml(text)
  if (!result.ok) throw new ArgumentFileError(`${what} is not valid YAML: ${result.error}`)
  return result.value
}

// `!reference [job, key]` survives rendering (GitLab resolves it later): YAML gets the tag back; in JSON, which has
// no tags, a YamlReference writes itself as `{"!reference": [job, key]}`.
function toYaml(config: unknown): string {
  return new Document(config, { aliasDuplicateObjects: false, customTags: [yamlReferenceTag] }).toString({
    lineWidth: 0,
  })
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readContext(path: string): Pick<RenderOptions, 'component' | 'variables'> {
  const context = loadYamlArgument(readText(path, '--context-file'), `--context-file \`${path}\``) ?? {}
  if (!isMapping(context))
    throw new ArgumentFileError('--context-file must hold a mapping with `component` and/or `variables`')
  const options: Pick<RenderOptions, 'component' | 'variables'> = {}
  if (context.component !== undefined && context.component !== null) {
    if (!isMapping(context.component))
      throw new ArgumentFileError('--context-file: `component` must be a mapping')
    const component: ComponentContext = {}
    for (const key of ['name', 'sha', 'version', 'reference'] as const) {
      const value = context.component[key]
      if (value !== undefined && value !== null) component[key] = String(value)
    }
    options.component = component
  }
  if (context.variables !== undefined && context.variables !== null) {
    if (!isMapping(context.variables))
      throw new ArgumentFileError('--context-file: `variables` must be a mapping')
    const variables: Record<string, VariableValue> = {}
    for (const [name, value] of Object.entries(context.variables)) {
      variables[name] = isMapping(value)
        ? { value: String(value.value ?? ''), masked: value.masked === true }
        : String(value ?? '')
    }
    options.variables = variables
  }
  return options
}

function parseInputFlag(flag: string): [string, unknown] {
  const at = flag.indexOf('=')
  if (at <= 0) throw new UsageError(`--input expects name=value, got \`${flag}\``, usage)
  const name = flag.slice(0, at)
  return [name, loadYamlArgument(flag.slice(at + 1), `--input ${name}`)]
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      'inputs-file': { type: 'string' },
      input: { type: 'string', multiple: true },
      'context-file': { type: 'string' },
      'gitlab-version': { type: 'string' },
      'feature-flag': { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
    usage,
  )
  if (positionals.length !== 1) throw new UsageError('expected exactly one <file>', usage)
  const targetOptions = {
    ...(values['gitlab-version'] !== undefined ? { gitlabVersion: values['gitlab-version'] } : {}),
    ...(values['feature-flag'] !== undefined ? { featureFlags: values['feature-flag'] } : {}),
  }
  const target = gitlabTarget(targetOptions)
  if (!target.ok) throw new UsageError(target.errors.map((error) => error.message).join('; '), usage)
  const json = values.json === true
  const fail = (error: string, code: number) => {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error })}\n`)
    else io.stderr(`${error}\n`)
    return code
  }

  let source: Uint8Array
  let options: RenderOptions
  try {
    const flagInputs = (values.input ?? []).map(parseInputFlag)
    const file = resolve(io.cwd, positionals[0] ?? '')
    let inputs: unknown = {}
    if (values['inputs-file'] !== undefined) {
      const path = resolve(io.cwd, values['inputs-file'])
      inputs = loadYamlArgument(readText(path, '--inputs-file'), `--inputs-file \`${values['inputs-file']}\``)
    }
    if (flagInputs.length > 0) {
      // A non-mapping inputs file stays as it is, so GitLab's "must be a hash" error is still reported.
      if (isMapping(inputs)) inputs = { ...inputs, ...Object.fromEntries(flagInputs) }
      else if (values['inputs-file'] === undefined) inputs = Object.fromEntries(flagInputs)
    }
    const context = values['context-file'] ? readContext(resolve(io.cwd, values['context-file'])) : {}
    // The engine reads the bytes, as GitLab does: invalid UTF-8 is its error, not replaced.
    source = readBytes(file, 'file')
    const component = context.component ?? workingTreeContext(file)
    options = { ...targetOptions, inputs, ...context, ...(component ? { component } : {}) }
  } catch (error) {
    if (error instanceof ArgumentFileError) return fail(error.message, 2)
    throw error
  }

  const result = render(source, options)
  if (!result.ok) return fail(result.error, 1)
  if (json) io.stdout(`${JSON.stringify({ ok: true, config: result.config })}\n`)
  else io.stdout(toYaml(result.config))
  return 0
}
