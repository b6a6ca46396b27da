import { findBlocks } from '@catalog/engine'
import { isMap, isScalar, type Node, type Scalar, visit } from 'yaml'
import type { ComponentAnalysis } from './analyze-component.js'
import { valueAt } from './util-yaml.js'

export interface LocatedBlock {
  /** The whole block, `$[[ inputs.x | f ]]`. */
  text: string
  access: string
  functions: string[]
  /** For `inputs.<name>…` accesses, the input name; otherwise null. */
  input: string | null
  /** Offset of the block within the scalar's value. */
  start: number
  /** Offset in the file (best effort: the block's text inside the scalar's source, else the scalar's start). */
  offset: number
  node: Scalar
}

/** `inputs.name`, `inputs.name[0]`, `inputs.name.key` → `name`. */
export function inputName(access: string): string | null {
  const match = /^inputs\.([^.[\s]+)/.exec(access.trim())
  return match ? (match[1] ?? null) : null
}

/** The `$[[ … ]]` blocks of one scalar, located in the file. */
export function blocksOf(source: string, node: Scalar): LocatedBlock[] {
  if (typeof node.value !== 'string' || !node.value.includes('$[[')) return []
  const [start = 0, end = start] = node.range ?? []
  const raw = source.slice(start, end)
  let searchFrom = 0
  return findBlocks(node.value).map((block) => {
    const at = raw.indexOf(block.text, searchFrom)
    if (at !== -1) searchFrom = at + block.text.length
    return {
      text: block.text,
      access: block.access,
      functions: block.functions,
      input: inputName(block.access),
      start: block.start,
      offset: at === -1 ? start : start + at,
      node,
    }
  })
}

const cache = new WeakMap<ComponentAnalysis, LocatedBlock[]>()

/** Every block in the content document, keys and values (comments are not interpolated, so not searched). */
export function contentBlocks(analysis: ComponentAnalysis): LocatedBlock[] {
  const cached = cache.get(analysis)
  if (cached) return cached
  const blocks: LocatedBlock[] = []
  if (analysis.docs.content) {
    visit(analysis.docs.content, {
      Scalar(_key, node) {
        blocks.push(...blocksOf(analysis.component.source, node))
      },
    })
  }
  cache.set(analysis, blocks)
  return blocks
}

/** `$[[ inputs.x ]]` references inside the header (`spec:inputs:*:rules:if`). */
export function headerInputReferences(analysis: ComponentAnalysis): Set<string> {
  const names = new Set<string>()
  const header = analysis.docs.header
  if (!header) return names
  visit(header, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      for (const match of node.value.matchAll(/\$\[\[\s*inputs\.([^.[\s\]|]+)/g)) names.add(match[1] ?? '')
    },
  })
  return names
}

/** The header's `spec:inputs` mapping node, for positions of inputs. */
export function inputsNode(analysis: ComponentAnalysis): Node | undefined {
  const spec = valueAt(analysis.docs.header?.contents, 'spec')
  const inputs = valueAt(spec, 'inputs')
  return isMap(inputs) ? inputs : undefined
}

/** Offset of an input's key in the header, or of the header itself. */
export function inputOffset(analysis: ComponentAnalysis, name: string): number {
  const inputs = inputsNode(analysis)
  if (isMap(inputs)) {
    const pair = inputs.items.find((item) => isScalar(item.key) && String(item.key.value) === name)
    const start = (pair?.key as Node | undefined)?.range?.[0]
    if (start !== undefined) return start
  }
  return analysis.docs.header?.contents?.range?.[0] ?? 0
}

/** Offset of one field's value of an input (`default`, `regex`, …), or of the input's key. */
export function inputFieldOffset(analysis: ComponentAnalysis, name: string, field: string): number {
  const inputs = inputsNode(analysis)
  const input = isMap(inputs) ? valueAt(inputs, name) : undefined
  return valueAt(input, field)?.range?.[0] ?? inputOffset(analysis, name)
}
