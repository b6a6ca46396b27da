import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import { type SchemaError, ToolUnavailableError } from './types.js'

/**
 * The gitlab-ci-local release whose `dist/index.js` this extraction is tested against (pinned exactly in
 * package.json). Its bundle holds GitLab's CI schema as an object literal; we find it by its `$id`.
 */
export const CI_SCHEMA_TESTED_WITH = '4.70.0'
const SCHEMA_ID = '$id:"https://gitlab.com/.gitlab-ci.yml"'

/**
 * Constraints of the editor schema that GitLab's own validation (`Gitlab::Ci::Config::Entry::*`) does not enforce,
 * dropped before validating: GitLab accepts `tags: []`, `artifacts: { paths: [] }`, `extends: []`,
 * `entrypoint: []`, repeated items, empty strings in most places, any `format`, and input descriptions and
 * `include:inputs` values over 1024 characters. `keep` lists the places where GitLab does reject the value
 * (`script can't be blank`, `image name can't be blank`, a release's tag name and description, a workflow name over
 * 255 characters).
 */
export const EDITOR_ONLY_CONSTRAINTS: { keyword: string; keep: string[] }[] = [
  { keyword: 'minItems', keep: ['/definitions/script/oneOf/1'] },
  {
    keyword: 'minLength',
    keep: [
      '/definitions/script/oneOf/0',
      '/definitions/image/oneOf/0',
      '/definitions/image/oneOf/1/properties/name',
      '/definitions/services/items/oneOf/0',
      '/definitions/services/items/oneOf/1/properties/name',
      '/definitions/job_template/properties/release/properties/tag_name',
      '/definitions/job_template/properties/release/properties/description',
      '/definitions/workflowName',
    ],
  },
  { keyword: 'uniqueItems', keep: [] },
  { keyword: 'format', keep: [] },
  {
    keyword: 'maxLength',
    keep: ['/definitions/workflowName', '/definitions/changes/anyOf/0/properties/regexp'],
  },
]

/** A copy of the schema without the editor-only constraints (see `EDITOR_ONLY_CONSTRAINTS`). */
export function withoutEditorOnlyConstraints(node: unknown, pointer = ''): unknown {
  if (Array.isArray(node))
    return node.map((item, index) => withoutEditorOnlyConstraints(item, `${pointer}/${index}`))
  if (!node || typeof node !== 'object') return node
  const copy: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) {
    const dropped = EDITOR_ONLY_CONSTRAINTS.some(
      (constraint) => constraint.keyword === key && !constraint.keep.includes(pointer),
    )
    // `properties` and `definitions` hold names, not keywords: a property called `format` stays.
    if (dropped && typeof value !== 'object') continue
    copy[key] = withoutEditorOnlyConstraints(value, `${pointer}/${key}`)
  }
  return copy
}

/** The object literal that starts at `start`, found by matching braces outside string literals. */
function objectLiteralAt(text: string, start: number): string | null {
  let depth = 0
  let quote: string | null = null
  for (let i = start; i < text.length; i++) {
    const char = text[i]
    if (quote) {
      if (char === '\\') i++
      else if (char === quote) quote = null
      continue
    }
    if (char === '"' || char === "'" || char === '`') quote = char
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return text.slice(start, i + 1)
  }
  return null
}

function installedBundle(): { path: string; version: string } {
  try {
    const manifest = createRequire(import.meta.url).resolve('gitlab-ci-local/package.json')
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }
    return { path: join(dirname(manifest), 'dist', 'index.js'), version: String(version) }
  } catch {
    throw new ToolUnavailableError(
      `cannot find gitlab-ci-local ${CI_SCHEMA_TESTED_WITH}, whose bundled GitLab CI schema \`validate\` uses: run \`npm ci\` at the repository root`,
    )
  }
}

/** What a GitLab CI schema has: a draft-07 `$schema`, jobs (`job_template`) and the `spec:inputs` definitions. */
function shapeProblem(schema: unknown): string | null {
  if (!schema || typeof schema !== 'object') return 'it is not an object'
  const { $schema, definitions } = schema as { $schema?: unknown; definitions?: Record<string, unknown> }
  if (typeof $schema !== 'string') return 'it has no `$schema`'
  for (const name of ['job_template', 'script', 'image', 'configInputs']) {
    if (!definitions || typeof definitions[name] !== 'object') return `it has no \`definitions.${name}\``
  }
  return null
}

/**
 * Reads GitLab's CI JSON schema out of gitlab-ci-local's bundle at run time (it is not copied into the repo).
 * `bundle` is for tests; by default the pinned gitlab-ci-local installed with this package is read.
 */
export function readBundledCiSchema(bundle?: { path: string; version: string }): object {
  const { path, version } = bundle ?? installedBundle()
  const changed = (why: string) =>
    new ToolUnavailableError(
      `gitlab-ci-local ${version}'s dist/index.js no longer holds GitLab's CI schema the way ${CI_SCHEMA_TESTED_WITH} does (${why}); install gitlab-ci-local ${CI_SCHEMA_TESTED_WITH} (\`npm ci\`) or update the extraction in @catalog/rule-tools`,
    )
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw changed(`cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
  const at = text.indexOf(SCHEMA_ID)
  if (at === -1) throw changed(`no object with ${SCHEMA_ID}`)
  const start = text.lastIndexOf('{$schema:', at)
  const literal = start === -1 ? null : objectLiteralAt(text, start)
  if (!literal) throw changed('no `{$schema:…}` object literal around the `$id`')
  let schema: unknown
  try {
    // A plain object literal (strings, numbers, !0/!1): evaluated in an empty context, with no access to this process.
    schema = JSON.parse(
      JSON.stringify(vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 2000 })),
    )
  } catch (error) {
    throw changed(`the literal does not evaluate: ${error instanceof Error ? error.message : String(error)}`)
  }
  const problem = shapeProblem(schema)
  if (problem) throw changed(problem)
  return schema as object
}

interface AjvError {
  instancePath: string
  message?: string
  params: Record<string, unknown>
}

const AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  validateFormats: false,
  // Without inlined refs and code optimisation Ajv compiles this schema in about a third of the time; validating a
  // few dozen configurations does not notice the difference.
  inlineRefs: false,
  code: { optimize: false, source: true },
} as const

/** Where compiled validators are kept between runs: this package's `node_modules/.cache` (gitignored, find-cache-dir's place). */
const DEFAULT_CACHE = fileURLToPath(new URL('../node_modules/.cache/catalog-ci-schema/', import.meta.url))

type ValidateFunction = ((data: unknown) => boolean) & { errors?: unknown[] | null }

/**
 * Compiling the schema takes Ajv 150–250 ms, loading the same validator as standalone code about 10 ms: the code is
 * kept in `cacheDir` under a hash of the schema, the options and Ajv's version, written atomically. Where the
 * directory cannot be written (a read-only install) the schema is compiled on every run.
 */
async function compileCached(schema: object, cacheDir: string): Promise<ValidateFunction> {
  const require = createRequire(import.meta.url)
  const ajvVersion = (require('ajv/package.json') as { version: string }).version
  const key = createHash('sha256')
    .update(JSON.stringify({ schema, AJV_OPTIONS, ajvVersion }))
    .digest('hex')
    .slice(0, 16)
  const file = join(cacheDir, `ci-schema-${key}.cjs`)
  if (existsSync(file)) {
    try {
      return require(file) as ValidateFunction
    } catch {
      // A damaged cache file is compiled again and replaced below.
    }
  }
  const { Ajv } = await import('ajv')
  const ajv = new Ajv(AJV_OPTIONS)
  const validate = ajv.compile(schema) as ValidateFunction
  try {
    const standalone = (await import('ajv/dist/standalone/index.js')).default as unknown as {
      default?: (ajv: unknown, validate: unknown) => string
    } & ((ajv: unknown, validate: unknown) => string)
    const code = (standalone.default ?? standalone)(ajv, validate)
    mkdirSync(cacheDir, { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, code)
    renameSync(temp, file)
  } catch {
    // Not writable: compile again next time.
  }
  return validate
}

/** A validator for rendered configurations: Ajv over the bundled schema (editor-only constraints dropped). */
export async function createCiSchemaValidator(
  bundle?: { path: string; version: string },
  cacheDir = DEFAULT_CACHE,
): Promise<(config: unknown) => SchemaError[]> {
  const schema = withoutEditorOnlyConstraints(readBundledCiSchema(bundle)) as object
  const validate = await compileCached(schema, cacheDir)
  return (config) => {
    if (validate(config)) return []
    return ((validate.errors ?? []) as AjvError[]).map((error) => {
      const extra = error.params.additionalProperty
      const allowed = error.params.allowedValues
      return {
        path: typeof extra === 'string' ? `${error.instancePath}/${extra}` : error.instancePath,
        message:
          typeof extra === 'string'
            ? `unknown keyword \`${extra}\``
            : `${error.message ?? 'invalid'}${Array.isArray(allowed) ? ` (${allowed.map(String).join(', ')})` : ''}`,
      }
    })
  }
}
