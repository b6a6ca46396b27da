import { GLOBAL_KEYWORDS, parseYaml, readSpec, render } from '@catalog/engine'

/**
 * What a bump decision needs to know about one input. (The engine's `range` is where the input sits in the file,
 * not a constraint, so it is left out.)
 */
export interface InputModel {
  type: string
  /** No default: callers must pass it. */
  required: boolean
  default?: unknown
  description?: string
  options?: unknown[]
  regex?: string
  rules?: unknown[]
}

/** One component reduced to what its users depend on: inputs and jobs. */
export interface ComponentModel {
  inputs: Map<string, InputModel>
  /** Job key → job body, rendered with the inputs' defaults when that succeeds, else the raw keys. */
  jobs: { rendered: Map<string, unknown> | null; raw: Map<string, unknown> | null }
  /** Why the spec could not be read; inputs and jobs are then empty. */
  error: string | null
}

function jobsOf(config: unknown): Map<string, unknown> | null {
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return null
  return new Map(
    Object.entries(config as Record<string, unknown>).filter(([key]) => !GLOBAL_KEYWORDS.has(key)),
  )
}

/** Whether `spec:inputs:rules` always yield a default: a last rule without `if` that sets one. */
function hasFallbackDefault(rules: unknown[] | undefined): boolean {
  const last = rules?.at(-1)
  return typeof last === 'object' && last !== null && !('if' in last) && 'default' in last
}

/** Reads a component template with the engine: its inputs, and its jobs as rendered with defaults and as written. */
export function readComponent(source: string): ComponentModel {
  const read = readSpec(source)
  if (!read.ok) {
    return { inputs: new Map(), jobs: { rendered: null, raw: null }, error: read.error }
  }
  const inputs = new Map<string, InputModel>()
  for (const [name, input] of Object.entries(read.spec?.inputs ?? {})) {
    inputs.set(name, {
      type: input.type,
      required: !input.hasDefault && !hasFallbackDefault(input.rules),
      ...(input.hasDefault ? { default: input.default } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.options !== undefined ? { options: input.options } : {}),
      ...(input.regex !== undefined ? { regex: input.regex } : {}),
      ...(input.rules !== undefined ? { rules: input.rules } : {}),
    })
  }
  const parsed = parseYaml(read.content.text)
  const raw = parsed.ok ? jobsOf(parsed.value) : null
  const rendered = render(source)
  return { inputs, jobs: { rendered: rendered.ok ? jobsOf(rendered.config) : null, raw }, error: null }
}
