import { render } from '@catalog/engine'
import type { Scenario } from '@catalog/types'
import { type Document, isMap, type Node, parseDocument } from 'yaml'
import { type ComponentAnalysis, RENDER_CONTEXT, type RenderOutcome, toPlain } from './analyze-component.js'
import { createLineIndex, type LineIndex } from './line-index.js'
import { parseAsPsych, valueAt } from './util-yaml.js'

/** `$CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@<ref>`: a component of this very project. */
const OWN_COMPONENT = /^\$\{?CI_SERVER_FQDN\}?\/\$\{?CI_PROJECT_PATH\}?\/([^@/]+)@(.+)$/

export interface ScenarioInclude {
  /** The component name the address points at. */
  name: string
  reference: string
  address: string
  inputs: Record<string, unknown>
  /** The include item, for positions. */
  node: Node
  analysis: ComponentAnalysis | undefined
  rendered: RenderOutcome | undefined
}

export interface ScenarioAnalysis {
  scenario: Scenario
  lines: LineIndex
  doc: Document | null
  parseError: { message: string; offset: number } | null
  /** The scenario file as data (its own jobs and includes). */
  config: Record<string, unknown>
  includes: ScenarioInclude[]
}

export function analyzeScenario(
  scenario: Scenario,
  components: Map<string, ComponentAnalysis>,
): ScenarioAnalysis {
  const lines = createLineIndex(scenario.source)
  // Read as Psych reads it (quoted scalars continued at any column), positions in the file.
  const doc =
    parseAsPsych(scenario.source)?.[0] ??
    parseDocument(scenario.source, { uniqueKeys: false, prettyErrors: false })
  const firstError = doc.errors[0]
  if (firstError) {
    return {
      scenario,
      lines,
      doc: null,
      parseError: { message: firstError.message.split('\n')[0] ?? '', offset: firstError.pos[0] },
      config: {},
      includes: [],
    }
  }
  const config = toPlain(doc.toJS({ maxAliasCount: -1 }) ?? {}) as Record<string, unknown>
  const includeNode = valueAt(doc.contents, 'include')
  const items: Node[] =
    includeNode && 'items' in includeNode && Array.isArray(includeNode.items)
      ? (includeNode.items as Node[])
      : includeNode
        ? [includeNode]
        : []
  const includes: ScenarioInclude[] = []
  for (const item of items) {
    if (!isMap(item)) continue
    const address = String((valueAt(item, 'component') as { value?: unknown } | undefined)?.value ?? '')
    const match = OWN_COMPONENT.exec(address)
    if (!match) continue
    const name = match[1] ?? ''
    const inputsNode = valueAt(item, 'inputs')
    const inputs = (inputsNode ? toPlain(inputsNode.toJSON()) : {}) as Record<string, unknown>
    const analysis = components.get(name)
    let rendered: RenderOutcome | undefined
    if (analysis) {
      const result = render(analysis.component.source, {
        inputs,
        component: { ...RENDER_CONTEXT, name, reference: match[2] ?? '' },
      })
      rendered = result.ok ? { ok: true, config: toPlain(result.config) as Record<string, unknown> } : result
    }
    includes.push({ name, reference: match[2] ?? '', address, inputs, node: item, analysis, rendered })
  }
  return { scenario, lines, doc, parseError: null, config, includes }
}
