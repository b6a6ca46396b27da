import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type Scalar,
} from 'yaml'

/** One `include: component:` of the catalog, as written in a pipeline file. */
export interface ComponentReference {
  /** The whole address, e.g. `$CI_SERVER_FQDN/my-group/container-build/kaniko@1.2.0`. */
  address: string
  /** What stands for the instance: `$CI_SERVER_FQDN`, `${CI_SERVER_FQDN}` or a host such as `gitlab.example.com`. */
  host: string
  /** The component name, after the catalog path. */
  name: string
  /** What follows the first `@`: `1.2.0`, `1`, `~latest`, a branch, a SHA… */
  ref: string
  /** 1-based line and column of `ref`. */
  line: number
  column: number
  /** Source offsets `[start, end)` of `ref`, or null when it cannot be rewritten in place (see `unrewritable`). */
  range: [number, number] | null
  unrewritable?: string
}

/** A file the pipeline pulls in with `include: local:` (or a bare `include: <path>`). */
export interface LocalInclude {
  /** The path as GitLab reads it: relative to the project root, leading `/` removed. */
  path: string
  line: number
  /** Why the file is not followed: a glob pattern or a variable in the path. */
  skipped?: string
}

export interface YamlProblem {
  message: string
  line: number
  column: number
}

export interface FoundReferences {
  references: ComponentReference[]
  localIncludes: LocalInclude[]
  /** YAML syntax errors; when there are any, the file must not be rewritten. */
  errors: YamlProblem[]
}

const FQDN = String.raw`(\$CI_SERVER_FQDN|\$\{CI_SERVER_FQDN\}|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d+)?)`

/**
 * Finds every `include: component:` entry whose address is `<fqdn>/<catalogPath>/<name>@<ref>`, in the top-level
 * `include:` and in jobs' `trigger: include:`, written as one mapping or a list. Also lists the local files the
 * pipeline includes so a caller can read and search them too. Reads only `text`.
 */
export function findComponentReferences(text: string, options: { catalogPath: string }): FoundReferences {
  const lineCounter = new LineCounter()
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false })
  const docs = Array.isArray(documents) ? documents : [documents]
  const collector = createCollector(text, lineCounter, options.catalogPath)
  const { found } = collector
  for (const doc of docs) {
    for (const error of doc.errors)
      found.errors.push({ message: error.message, ...collector.position(error.pos[0]) })
  }
  if (found.errors.length > 0) return found
  for (const doc of docs) {
    const root = doc.contents
    if (!isMap(root)) continue
    for (const pair of root.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key
      if (key === 'include') {
        collector.visitIncludes(doc, pair.value)
        continue
      }
      const job = resolve(doc, pair.value)
      if (!isMap(job)) continue
      const trigger = resolve(doc, job.get('trigger', true))
      if (isMap(trigger)) collector.visitIncludes(doc, trigger.get('include', true))
    }
  }
  found.references.sort((a, b) => a.line - b.line || a.column - b.column)
  return found
}

/** Collects references and local includes from `include:` nodes of `text` into `found`. */
function createCollector(text: string, lineCounter: LineCounter, catalogPath: string) {
  const found: FoundReferences = { references: [], localIncludes: [], errors: [] }
  const address = new RegExp(`^${FQDN}/${escapeRegExp(catalogPath.replace(/^\/+|\/+$/g, ''))}/([^/]+)$`, 'i')
  const seen = new Set<number>()
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }

  const addLocal = (node: Scalar) => {
    const path = String(node.value).replace(/^\/+/, '')
    const line = position(node.range?.[0] ?? 0).line
    const skipped = /[*?[{]/.test(path)
      ? 'glob patterns are not followed'
      : path.includes('$')
        ? 'paths with variables are not followed'
        : undefined
    if (!found.localIncludes.some((l) => l.path === path)) {
      found.localIncludes.push(skipped ? { path, line, skipped } : { path, line })
    }
  }

  const addReference = (node: Scalar<string>) => {
    const value = node.value
    const at = value.indexOf('@')
    if (at < 0 || !node.range || seen.has(node.range[0])) return
    const match = address.exec(value.slice(0, at))
    if (!match) return
    seen.add(node.range[0])
    found.references.push(componentReference(text, node, match, value.slice(at + 1), position))
  }

  const visitEntry = (doc: Document, node: unknown) => {
    const entry = resolve(doc, node)
    if (isScalar(entry) && typeof entry.value === 'string') {
      if (!/^https?:\/\//.test(entry.value)) addLocal(entry)
      return
    }
    if (!isMap(entry)) return
    const component = resolve(doc, entry.get('component', true))
    if (isScalar(component) && typeof component.value === 'string') addReference(component as Scalar<string>)
    const local = resolve(doc, entry.get('local', true))
    if (isScalar(local) && typeof local.value === 'string') addLocal(local as Scalar<string>)
  }

  const visitIncludes = (doc: Document, node: unknown) => {
    const include = resolve(doc, node)
    if (isSeq(include)) for (const item of include.items) visitEntry(doc, item)
    else visitEntry(doc, include)
  }

  return { found, position, visitIncludes }
}

/** The reference a `component:` scalar holds, with where its `ref` sits when it can be rewritten in place. */
function componentReference(
  text: string,
  node: Scalar<string>,
  match: RegExpExecArray,
  ref: string,
  position: (offset: number) => { line: number; column: number },
): ComponentReference {
  const [start, end] = node.range as [number, number, number]
  const raw = text.slice(start, end)
  const closing = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0
  const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL'
  const inPlace = !block && ref.length > 0 && raw.slice(0, raw.length - closing).endsWith(`@${ref}`)
  const refStart = end - closing - ref.length
  const reference: ComponentReference = {
    address: node.value,
    host: match[1] as string,
    name: match[2] as string,
    ref,
    ...position(inPlace ? refStart : start),
    range: inPlace ? [refStart, end - closing] : null,
  }
  if (!inPlace) {
    reference.unrewritable =
      ref.length === 0
        ? 'the address has nothing after `@`'
        : 'the address is written as a block scalar or with escapes, which pin does not rewrite'
  }
  return reference
}

function resolve(doc: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? null
  return (node as Node | null | undefined) ?? null
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
