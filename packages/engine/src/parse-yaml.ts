import {
  type CollectionTag,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
  type ScalarTag,
  type Tags,
  YAMLSeq,
} from 'yaml'
import { type SpecError, specError } from './errors.js'
import { reindentQuotedScalar, remapRanges } from './reindent-quoted-scalars.js'
import { utf8ByteLength } from './util-bytes.js'
import { exceedsDeepSize, MAX_YAML_SIZE_BYTES } from './util-deep-size.js'
import { isPlainObject, mergeInto, rubyToS, setKey } from './util-ruby.js'

/**
 * Loads one YAML document the way GitLab's `YAML.safe_load(permitted_classes: [Symbol, Reference], aliases: true)`
 * does: YAML 1.1 scalars as Psych's ScalarScanner resolves them, anchors and aliases, `<<` merge keys applied with
 * `Hash#merge!`, dates and times rejected as disallowed classes, `!reference` kept as a `YamlReference`.
 */

/** A `!reference [job, key]` tag. GitLab resolves it after interpolation, which never looks inside it. */
export class YamlReference {
  constructor(readonly path: unknown[]) {}

  /** JSON has no tags: `{ "!reference": [job, key] }`. */
  toJSON(): { '!reference': unknown[] } {
    return { '!reference': this.path }
  }
}

/**
 * For `yaml`'s `stringify(config, { customTags: [yamlReferenceTag] })`: writes `YamlReference` back as
 * `!reference [job, key]`.
 */
export const yamlReferenceTag: CollectionTag = {
  tag: '!reference',
  collection: 'seq',
  default: false,
  identify: (value) => value instanceof YamlReference,
  createNode: (schema, value, ctx) => {
    const seq = YAMLSeq.from(schema, (value as YamlReference).path, ctx)
    seq.flow = true
    return seq
  },
  resolve: (seq) => new YamlReference(seq.items),
}

export type ParseYamlDocumentResult =
  | {
      ok: true
      value: unknown
      document: Document.Parsed | null
      /** `Gitlab::Utils::DeepSize` would reject it: depth over 100, recursive, or over 2 MiB of Ruby objects. */
      tooBig: boolean
    }
  | { ok: false; error: SpecError }

/** GitLab's `max_yaml_depth` default. */
export const MAX_YAML_DEPTH = 100

const DISALLOWED = 'Tried to load unspecified class: '

function tag(
  id: string,
  test: RegExp,
  resolve: (source: string, onError: (message: string) => void) => unknown,
) {
  return { identify: () => false, default: true, tag: id, test, resolve } satisfies ScalarTag
}

function sexagesimal(source: string, parse: (part: string) => number): number {
  // Psych multiplies by 60 ** (index - 2).abs, so `1:20` is 1*3600 + 20*60 (Psych's own quirk, kept).
  return source
    .replace(/_/g, '')
    .split(':')
    .reduce((sum, part, index) => sum + parse(part) * 60 ** Math.abs(index - 2), 0)
}

function parseRubyInteger(source: string): number {
  const text = source.replace(/[,_]/g, '')
  const negative = text.startsWith('-')
  const unsigned = text.replace(/^[-+]/, '')
  let value: number
  if (/^0b/i.test(unsigned)) value = Number.parseInt(unsigned.slice(2), 2)
  else if (/^0x/i.test(unsigned)) value = Number.parseInt(unsigned.slice(2), 16)
  else if (/^0[0-7]+$/.test(unsigned)) value = Number.parseInt(unsigned.slice(1), 8)
  else value = Number.parseInt(unsigned, 10)
  return negative && value !== 0 ? -value : value
}

const PSYCH_SCALARS: ScalarTag[] = [
  tag('tag:ruby.yaml.org,2002:symbol', /^:./, (source) => {
    const quoted = /^:(["'])(.*)\1$/.exec(source)
    return quoted ? (quoted[2] as string).replace(/^:/, '') : source.slice(1)
  }),
  tag('tag:yaml.org,2002:null', /^(?:~|null)?$/i, () => null),
  tag('tag:yaml.org,2002:bool', /^(?:yes|true|on)$/i, () => true),
  tag('tag:yaml.org,2002:bool', /^(?:no|false|off)$/i, () => false),
  tag(
    'tag:yaml.org,2002:timestamp',
    /^-?\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/,
    (source, onError) => {
      onError(`${DISALLOWED}Time`)
      return source
    },
  ),
  tag(
    'tag:yaml.org,2002:timestamp',
    /^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/,
    (source, onError) => {
      onError(`${DISALLOWED}Date`)
      return source
    },
  ),
  tag('tag:yaml.org,2002:float', /^(?:[-+]?\.inf|\.nan)$/i, (source) =>
    /nan$/i.test(source) ? Number.NaN : source.startsWith('-') ? -Infinity : Infinity,
  ),
  tag('tag:yaml.org,2002:int', /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$/, (source) =>
    sexagesimal(source, (part) => Number.parseInt(part, 10)),
  ),
  tag('tag:yaml.org,2002:float', /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$/, (source) =>
    sexagesimal(source, (part) => Number.parseFloat(part)),
  ),
  tag(
    'tag:yaml.org,2002:float',
    /^(?![-+]?\.$)[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$/,
    (source) => Number.parseFloat(source.replace(/[,_]/g, '').replace(/\.([Ee]|$)/, '$1')),
  ),
  tag(
    'tag:yaml.org,2002:int',
    /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/,
    parseRubyInteger,
  ),
]

/**
 * `!!binary`: Psych decodes the base64 into a (binary) Ruby String, so a rendered job carries text, never the
 * `{ type: Buffer, data: [...] }` object the `yaml` package's Uint8Array would become. Bytes that are not UTF-8
 * are kept one character per byte (Latin-1), as a Ruby binary string's bytes.
 */
const BINARY: ScalarTag = {
  identify: () => false,
  tag: 'tag:yaml.org,2002:binary',
  resolve: (source) => {
    const bytes = Buffer.from(source.replace(/\s+/g, ''), 'base64')
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return bytes.toString('latin1')
    }
  },
}

const REPLACED = new Set([
  'tag:yaml.org,2002:binary',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:timestamp',
  // `<<` stays a plain string key; the converter applies merges the way Psych does.
  'tag:yaml.org,2002:merge',
])

const psychTags = (tags: Tags): Tags => [
  ...PSYCH_SCALARS,
  BINARY,
  ...tags.filter((candidate) => typeof candidate === 'string' || !REPLACED.has(candidate.tag)),
]

/**
 * libyaml's wording and context mark (Psych reports `problem context at line L column C` of the context mark) for
 * the syntax errors people hit most, worked out from the `yaml` package's error. Anything else keeps the `yaml`
 * package's wording and position.
 */
function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length
}

/** Start of the block collection that was being parsed: the top of the run of lines indented like the previous one. */
function blockStart(text: string, at: number): { at: number; sequence: boolean } {
  const lines = text.slice(0, lineStart(text, at)).split('\n')
  lines.pop()
  let index = lines.length - 1
  while (index >= 0 && /^\s*(#.*)?$/.test(lines[index] as string)) index--
  if (index < 0) return { at: 0, sequence: false }
  const indent = indentOf(lines[index] as string)
  let top = index
  for (let i = index - 1; i >= 0; i--) {
    const line = lines[i] as string
    if (/^\s*(#.*)?$/.test(line)) continue
    if (indentOf(line) < indent) break
    if (indentOf(line) === indent) top = i
  }
  const offset = lines.slice(0, top).reduce((sum, line) => sum + line.length + 1, 0) + indent
  return { at: offset, sequence: (lines[top] as string).trimStart().startsWith('- ') }
}

/** `Loader::Yaml#html_content?`: a Psych syntax error on an HTML page is reported as a format error. */
function isHtml(text: string): boolean {
  const prefix = text.slice(0, 512).toLowerCase()
  return prefix.includes('<!doctype html') || prefix.includes('<html')
}

function psychSyntaxError(
  text: string,
  code: string,
  message: string,
  pos: number,
): { problem: string; at: number } {
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || /Nested mappings are not allowed/.test(message)) {
    // libyaml marks the offending `:`.
    const colon = text.slice(pos).search(/:(?=[ \t\r\n]|$)/)
    const at = colon === -1 ? pos : pos + colon
    return { problem: 'mapping values are not allowed in this context', at }
  }
  if (code === 'MISSING_CHAR' && /closing (["'])quote/.test(message)) {
    const quote = message.includes('"') ? '"' : "'"
    return {
      problem: 'found unexpected end of stream while scanning a quoted scalar',
      at: Math.max(0, text.lastIndexOf(quote, pos - 1)),
    }
  }
  if (code === 'TAB_AS_INDENT' || code === 'BAD_SCALAR_START') {
    return {
      problem: 'found character that cannot start any token while scanning for the next token',
      at: pos,
    }
  }
  if (/Flow sequence .* end with a \]/.test(message)) {
    return {
      problem: "did not find expected ',' or ']' while parsing a flow sequence",
      at: Math.max(0, text.lastIndexOf('[', pos)),
    }
  }
  if (/Flow map .* end with a \}/.test(message)) {
    return {
      problem: "did not find expected ',' or '}' while parsing a flow mapping",
      at: Math.max(0, text.lastIndexOf('{', pos)),
    }
  }
  const lineEnd = text.indexOf('\n', pos)
  const line = text.slice(pos, lineEnd === -1 ? undefined : lineEnd)
  const key = pos + line.length - line.trimStart().length
  const rest = line.trim()
  if (
    (code === 'BAD_INDENT' || /Implicit map keys need to be followed by map values/.test(message)) &&
    /^[^\-?:,[\]{}#&*!|>'"%@`]/.test(rest) &&
    !/:(?:[ \t]|$)/.test(rest)
  ) {
    // A plain scalar at the block's column that is no key: libyaml's stale required simple key, marked at its start.
    return { problem: "could not find expected ':' while scanning a simple key", at: key }
  }
  if (
    code === 'BAD_INDENT' ||
    code === 'MULTILINE_IMPLICIT_KEY' ||
    code === 'UNEXPECTED_TOKEN' ||
    code === 'MISSING_CHAR'
  ) {
    const block = blockStart(text, pos)
    return block.sequence
      ? { problem: "did not find expected '-' indicator while parsing a block collection", at: block.at }
      : { problem: 'did not find expected key while parsing a block mapping', at: block.at }
  }
  return { problem: message.charAt(0).toLowerCase() + message.slice(1), at: pos }
}

/**
 * Parses one YAML document (the first one in `text`, as `Psych.parse` does). Never throws.
 * `offset` is added to every error range so callers can report file offsets.
 */
export function parseYamlDocument(text: string, offset = 0): ParseYamlDocumentResult {
  let parsed: ReturnType<typeof parseFirstDocument>
  try {
    parsed = parseFirstDocument(text)
  } catch (error) {
    return { ok: false, error: specError('YAML_SYNTAX_ERROR', `(<unknown>): ${String(error)}`) }
  }
  const { document, lineCounter } = parsed
  if (!document) return { ok: true, value: null, document: null, tooBig: false }
  const firstError = document.errors[0]
  if (firstError) {
    const range: [number, number] = [firstError.pos[0] + offset, firstError.pos[1] + offset]
    if (firstError.message.startsWith(DISALLOWED)) {
      return { ok: false, error: specError('YAML_DISALLOWED_CLASS', firstError.message, range) }
    }
    if (isHtml(text))
      return { ok: false, error: specError('YAML_INVALID_FORMAT', 'Invalid configuration format', range) }
    const { problem, at } = psychSyntaxError(text, firstError.code, firstError.message, firstError.pos[0])
    const { line, col } = lineCounter.linePos(at)
    return {
      ok: false,
      error: specError('YAML_SYNTAX_ERROR', `(<unknown>): ${problem} at line ${line} column ${col}`, range),
    }
  }
  const converter = new Converter(document)
  const value = converter.convert(document.contents, 1)
  if (converter.unknownAnchor !== null) {
    return {
      ok: false,
      error: specError(
        'YAML_SYNTAX_ERROR',
        `An alias referenced an unknown anchor: ${converter.unknownAnchor}`,
      ),
    }
  }
  return { ok: true, value, document, tooBig: converter.tooDeep || exceedsDeepSize(value) }
}

/**
 * The first document of `text` parsed as Psych would see it: quoted scalars whose continuation lines `yaml` finds
 * under-indented are re-indented first (see `reindentQuotedScalar`), and every range is mapped back onto `text`.
 */
function parseFirstDocument(text: string): {
  document: Document.Parsed | undefined
  lineCounter: LineCounter
} {
  let current = text
  let toOriginal = (offset: number) => offset
  for (let attempt = 0; ; attempt++) {
    const lineCounter = new LineCounter()
    const parsed = parseAllDocuments(current, {
      version: '1.1',
      customTags: psychTags,
      merge: false,
      uniqueKeys: false,
      prettyErrors: false,
      strict: false,
      lineCounter,
    })
    const document = Array.isArray(parsed) ? parsed[0] : undefined
    const error = document?.errors[0]
    const rewritten = error && attempt < MAX_REINDENTS ? reindentQuotedScalar(current, error.pos[0]) : null
    if (!rewritten) {
      if (current === text || !document) return { document, lineCounter }
      remapRanges(document, toOriginal)
      for (const problem of [...document.errors, ...document.warnings]) {
        problem.pos = [toOriginal(problem.pos[0]), toOriginal(problem.pos[1])]
      }
      // Line numbers in messages are worked out on the original text.
      const original = new LineCounter()
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1))
        original.addNewLine(at + 1)
      return { document, lineCounter: original }
    }
    const previous = toOriginal
    toOriginal = (offset) => previous(rewritten.toOriginal(offset))
    current = rewritten.text
  }
}

/** Quoted scalars re-indented in one document at most; far more than any real file has. */
const MAX_REINDENTS = 100

/** Same shape as `render`'s failure: `error` is the message, `errors` the data. */
export type ParseYamlResult = { ok: true; value: unknown } | { ok: false; error: string; errors: SpecError[] }

/**
 * GitLab/Ruby-compatible load of the first YAML document in `text` (YAML 1.1 scalars, anchors, aliases, merge
 * keys) as plain JS, or the loader's error. Never throws.
 */
export function parseYaml(text: string): ParseYamlResult {
  if (typeof text !== 'string')
    return {
      ok: false,
      error: 'Invalid YAML syntax',
      errors: [specError('YAML_SYNTAX_ERROR', 'Invalid YAML syntax')],
    }
  const fail = (error: SpecError): ParseYamlResult => ({ ok: false, error: error.message, errors: [error] })
  if (text.length > MAX_YAML_SIZE_BYTES && utf8ByteLength(text) > MAX_YAML_SIZE_BYTES) {
    return fail(specError('YAML_TOO_BIG', 'The provided YAML is too big'))
  }
  const result = parseYamlDocument(text)
  if (!result.ok) return fail(result.error)
  if (result.tooBig) return fail(specError('YAML_TOO_BIG', 'The parsed YAML is too big'))
  return { ok: true, value: result.value }
}

class Converter {
  tooDeep = false
  /** Psych's `AnchorNotDefined` for the first alias without an anchor. */
  unknownAnchor: string | null = null
  private readonly cache = new Map<Node, unknown>()
  /** Collections being converted: an alias back into one of them is a recursive structure. */
  private readonly open = new Set<Node>()

  constructor(private readonly document: Document.Parsed) {}

  convert(node: unknown, depth: number): unknown {
    if (node === null || node === undefined) return null
    if ((isMap(node) || isSeq(node)) && depth > MAX_YAML_DEPTH) {
      // DeepSize counts the nesting of arrays and hashes only.
      this.tooDeep = true
      return null
    }
    if (isAlias(node)) {
      const target = node.resolve(this.document)
      if (target && this.open.has(target)) {
        // Psych builds recursive structures; nothing downstream can walk them, so treat them as too big.
        this.tooDeep = true
        return null
      }
      if (!target) {
        this.unknownAnchor ??= node.source
        return null
      }
      return this.convert(target, depth)
    }
    if (isScalar(node)) return node.value
    const cached = this.cache.get(node as Node)
    if (cached !== undefined) return cached
    if (isSeq(node)) {
      this.open.add(node)
      const items = node.items.map((item) => this.convert(item, depth + 1))
      this.open.delete(node)
      const value = node.tag === '!reference' ? new YamlReference(items) : items
      this.cache.set(node, value)
      return value
    }
    if (isMap(node)) {
      const object: Record<string, unknown> = {}
      this.open.add(node)
      for (const pair of node.items) {
        const keyNode = pair.key
        const value = this.convert(pair.value, depth + 1)
        if (isScalar(keyNode) && keyNode.value === '<<' && keyNode.tag !== 'tag:yaml.org,2002:str') {
          if (this.merge(object, pair.value, value)) continue
        }
        setKey(object, this.keyString(keyNode, depth), value)
      }
      this.open.delete(node)
      this.cache.set(node, object)
      return object
    }
    return null
  }

  /** Psych: `hash.merge!(value)` for a mapping, earlier mappings win inside a merged sequence. */
  private merge(object: Record<string, unknown>, node: unknown, value: unknown): boolean {
    const target = isAlias(node) ? node.resolve(this.document) : node
    if (isMap(target) && isPlainObject(value)) {
      mergeInto(object, value)
      return true
    }
    if (isSeq(target) && Array.isArray(value) && value.every(isPlainObject)) {
      const merged: Record<string, unknown> = {}
      for (const item of [...value].reverse()) mergeInto(merged, item)
      mergeInto(object, merged)
      return true
    }
    return false
  }

  private keyString(keyNode: unknown, depth: number): string {
    const key = this.convert(keyNode, depth + 1)
    return typeof key === 'string' ? key : rubyToS(key)
  }
}
