import { type ComponentSpec, GLOBAL_KEYWORDS, render, YamlReference } from '@catalog/engine'
import type { Component } from '@catalog/types'
import { isMap, type Pair, type YAMLMap } from 'yaml'
import { createLineIndex, type LineIndex } from './line-index.js'
import { keyText, parseTemplate, type TemplateDocuments } from './util-yaml.js'

export interface TemplateJob {
  /** The key as written in the template, `$[[ … ]]` blocks included. */
  key: string
  pair: Pair
  body: YAMLMap | null
  hidden: boolean
  /** Position among the content's top-level keys (rendering keeps the order). */
  index: number
}

export type RenderOutcome =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; error: string; errors: { message: string; range?: [number, number] }[] }

export interface ComponentAnalysis {
  component: Component
  lines: LineIndex
  docs: TemplateDocuments
  spec: ComponentSpec | null
  /** GitLab cannot load the file at all (YAML syntax, size, depth, encoding): nothing else is analysed. */
  loadError: { message: string; range?: [number, number] } | null
  /** The file loads but its `spec:` header is invalid. */
  specError: { message: string; range?: [number, number] } | null
  /** Top-level pairs of the content document. */
  topLevel: Pair[]
  jobs: TemplateJob[]
  /** Inputs given to the render with defaults: placeholders for required inputs. */
  placeholders: Record<string, unknown>
  rendered: RenderOutcome
}

export const RENDER_CONTEXT = {
  name: '',
  sha: '0000000000000000000000000000000000000000',
  version: '0.0.0',
  reference: '0.0.0',
}

/** A value that satisfies an input's type and options, for rendering a component whose input is required. */
function placeholderFor(input: ComponentSpec['inputs'][string]): unknown {
  if (input.options && input.options.length > 0) return input.options[0]
  switch (input.type) {
    case 'number':
      return input.range ? input.range[0] : 0
    case 'boolean':
      return false
    case 'array':
      return []
    default:
      return 'placeholder'
  }
}

function toRecord(config: unknown): Record<string, unknown> {
  const plain = toPlain(config)
  return plain && typeof plain === 'object' && !Array.isArray(plain) ? (plain as Record<string, unknown>) : {}
}

export function analyzeComponent(component: Component): ComponentAnalysis {
  // The loader read the spec from the file's bytes (invalid UTF-8 is GitLab's error), the text from the same bytes.
  const specResult = component.spec
  const spec = specResult.ok ? specResult.spec : null
  const failure = specResult.ok
    ? null
    : {
        message: specResult.error,
        ...(specResult.errors[0]?.range ? { range: specResult.errors[0].range } : {}),
      }
  const unloadable = !specResult.ok && (specResult.errors[0]?.code ?? '').startsWith('YAML_')
  const loadError = unloadable ? failure : null
  const specError = unloadable ? null : failure
  const docs = unloadable ? { header: null, content: null } : parseTemplate(component.source)
  const contents = docs.content?.contents
  const topLevel = isMap(contents) ? contents.items : []
  const jobs = topLevel.flatMap((pair, index): TemplateJob[] => {
    const key = keyText(pair)
    if (GLOBAL_KEYWORDS.has(key)) return []
    return [{ key, pair, body: isMap(pair.value) ? pair.value : null, hidden: key.startsWith('.'), index }]
  })
  const placeholders: Record<string, unknown> = {}
  for (const [name, input] of Object.entries(spec?.inputs ?? {})) {
    if (!input.hasDefault) placeholders[name] = placeholderFor(input)
  }
  let rendered: RenderOutcome = { ok: false, error: 'the header is invalid', errors: [] }
  if (specResult.ok) {
    const result = render(component.source, {
      inputs: placeholders,
      component: { ...RENDER_CONTEXT, name: component.name },
    })
    rendered = result.ok ? { ok: true, config: toRecord(result.config) } : result
  }
  return {
    component,
    lines: createLineIndex(component.source),
    docs,
    spec,
    loadError,
    specError,
    topLevel,
    jobs,
    placeholders,
    rendered,
  }
}

/** The rendered value of each template job, matched by position (interpolation keeps key order). */
export function renderedJobs(
  analysis: ComponentAnalysis,
): { job: TemplateJob; value: unknown; name: string }[] {
  if (!analysis.rendered.ok) return []
  const entries = Object.entries(analysis.rendered.config)
  if (entries.length !== analysis.topLevel.length) return []
  return analysis.jobs.flatMap((job) => {
    const entry = entries[job.index]
    return entry ? [{ job, name: entry[0], value: toPlain(entry[1]) }] : []
  })
}

/** Arrays that stand for a `!reference [job, key]` tag in a plain configuration. */
const references = new WeakSet<unknown[]>()

export function isReference(value: unknown): boolean {
  return Array.isArray(value) && references.has(value)
}

/** Engine configs may hold Maps and `!reference` tags; rules read plain objects (a reference as its path array). */
export function toPlain(value: unknown): unknown {
  if (value instanceof YamlReference) {
    const path = value.path.map(toPlain)
    references.add(path)
    return path
  }
  if (isReference(value)) return value
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toPlain(v)]))
  if (Array.isArray(value)) return value.map(toPlain)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]))
  }
  return value
}
