import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import vm from 'node:vm'
import type { SchemaError } from '@catalog/rules'
import { UserError } from '../errors.js'

/** gitlab-ci-local bundles GitLab's CI schema as an object literal inside dist/index.js; this finds it by its `$id`. */
const SCHEMA_ID = '$id:"https://gitlab.com/.gitlab-ci.yml"'

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

/** Reads GitLab's CI JSON schema out of the installed gitlab-ci-local, at run time (it is not copied into the repo). */
export function readBundledCiSchema(from: string): object {
  let bundle: string
  try {
    // The catalog's own node_modules first, then the one this CLI was installed with.
    const bases = [join(from, 'package.json'), import.meta.url]
    const manifest = bases
      .map((base) => {
        try {
          return createRequire(base).resolve('gitlab-ci-local/package.json')
        } catch {
          return null
        }
      })
      .find((path) => path !== null)
    if (!manifest) throw new Error('not found')
    bundle = readFileSync(join(dirname(manifest), 'dist', 'index.js'), 'utf8')
  } catch {
    throw new UserError(
      'cannot find gitlab-ci-local, whose bundled GitLab CI schema `validate` uses: run `npm ci` at the repository root',
    )
  }
  const at = bundle.indexOf(SCHEMA_ID)
  const start = at === -1 ? -1 : bundle.lastIndexOf('{$schema:', at)
  const literal = start === -1 ? null : objectLiteralAt(bundle, start)
  if (!literal) {
    throw new UserError(
      `gitlab-ci-local's dist/index.js no longer holds GitLab's CI schema where expected (an object with ${SCHEMA_ID}); pin gitlab-ci-local 4.70.0`,
    )
  }
  // A plain object literal (strings, numbers, !0/!1): evaluated in an empty context, with no access to this process.
  return JSON.parse(
    JSON.stringify(vm.runInNewContext(`(${literal})`, Object.create(null), { timeout: 2000 })),
  )
}

interface AjvError {
  instancePath: string
  message?: string
  params: Record<string, unknown>
}

/** A validator for rendered configurations: Ajv over the bundled schema, compiled once on first use. */
export async function createCiSchemaValidator(from: string): Promise<(config: unknown) => SchemaError[]> {
  const schema = readBundledCiSchema(from)
  const { Ajv } = await import('ajv')
  // Without inlined refs and code optimisation Ajv compiles this schema in about a third of the time; validating a
  // few dozen configurations does not notice the difference.
  const validate = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    inlineRefs: false,
    code: { optimize: false },
  }).compile(schema)
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
