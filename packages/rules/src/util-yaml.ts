import { reindentQuotedScalar, remapRanges } from '@catalog/engine'
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseAllDocuments,
  Scalar,
} from 'yaml'

/** The template's YAML documents as parsed for positions (offsets are into the whole file). */
export interface TemplateDocuments {
  header: Document | null
  content: Document | null
}

/**
 * Splits a template the way GitLab does for the purposes of positions: a header is the first of two or more
 * documents when it is a mapping with `spec`. The engine decides validity; this only locates nodes.
 */
export function parseTemplate(source: string): TemplateDocuments {
  const docs = parseAsPsych(source)
  if (!docs) return { header: null, content: null }
  const nonEmpty = docs.filter((doc) => doc.contents !== null)
  const first = nonEmpty[0]
  if (nonEmpty.length > 1 && first && isMap(first.contents) && first.contents.has('spec')) {
    return { header: first, content: nonEmpty.at(-1) ?? null }
  }
  return { header: null, content: first ?? null }
}

/**
 * All documents, with quoted scalars continued at any column read as Psych reads them (see the engine's
 * `reindentQuotedScalar`); positions stay those of `source`.
 */
export function parseAsPsych(source: string): Document[] | null {
  let text = source
  let toOriginal = (offset: number) => offset
  for (let attempt = 0; attempt < 100; attempt++) {
    let docs: Document[]
    try {
      const parsed = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false })
      if (!Array.isArray(parsed)) return null
      docs = parsed as Document[]
    } catch {
      return null
    }
    const error = docs.flatMap((doc) => doc.errors)[0]
    const rewritten = error ? reindentQuotedScalar(text, error.pos[0]) : null
    if (!rewritten) {
      if (text !== source) for (const doc of docs) remapRanges(doc, toOriginal)
      return docs
    }
    const previous = toOriginal
    toOriginal = (offset) => previous(rewritten.toOriginal(offset))
    text = rewritten.text
  }
  return null
}

export function startOf(node: Node | Pair | null | undefined): number | undefined {
  if (!node) return undefined
  if (isPair(node)) return startOf(node.key as Node) ?? startOf(node.value as Node)
  return node.range?.[0]
}

export function keyText(pair: Pair): string {
  const key = pair.key
  if (isScalar(key)) return String(key.value)
  return String(key)
}

export function pairOf(map: unknown, key: string): Pair | undefined {
  if (!isMap(map)) return undefined
  return map.items.find((pair) => keyText(pair) === key)
}

export function valueAt(map: unknown, key: string): Node | undefined {
  const value = pairOf(map, key)?.value
  return value === null ? undefined : (value as Node | undefined)
}

/**
 * Every scalar in a node, depth first (sequences flattened as GitLab flattens script arrays). A `!reference [job,
 * key]` counts as one empty item at its position: its commands live in another job.
 */
export function scalarsOf(node: unknown): Scalar[] {
  if (isScalar(node)) return [node]
  if (isSeq(node) && node.tag === '!reference') {
    const placeholder = new Scalar('')
    placeholder.range = node.range ?? null
    return [placeholder]
  }
  if (isSeq(node)) return node.items.flatMap((item) => scalarsOf(item))
  return []
}

/** The first line's indentation and the text of a scalar's source lines, from the raw file. */
export function sourceLines(source: string, node: Node): { text: string; start: number }[] {
  const [start = 0, end = start] = node.range ?? []
  const lineStart = source.lastIndexOf('\n', start - 1) + 1
  const lines: { text: string; start: number }[] = []
  let offset = lineStart
  for (const text of source.slice(lineStart, end).split('\n')) {
    lines.push({ text, start: offset })
    offset += text.length + 1
  }
  return lines
}

/** Offset of `needle` inside a node's source text, or the node's start. */
export function offsetIn(source: string, node: Node, needle: string): number {
  const [start = 0, end = start] = node.range ?? []
  const at = needle ? source.slice(start, end).indexOf(needle) : -1
  return at === -1 ? start : start + at
}
