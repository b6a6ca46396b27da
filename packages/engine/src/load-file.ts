import type { Document } from 'yaml'
import { decodeUtf8, type Utf8Problem } from './decode-utf8.js'
import { type SpecError, specError } from './errors.js'
import { parseYamlDocument } from './parse-yaml.js'
import { type DocumentText, splitDocuments } from './split-documents.js'
import { utf8ByteLength } from './util-bytes.js'
import { MAX_YAML_SIZE_BYTES } from './util-deep-size.js'
import { isBlank, isPlainObject, type PlainObject } from './util-ruby.js'

/**
 * `Gitlab::Ci::Config::Yaml::Loader#load_uninterpolated_yaml` and `Yaml::Result`: split, parse every piece, drop a
 * blank leading piece and every blank piece (`reject_empty: true`), require each document to be a mapping, then
 * decide whether the first document is a header.
 */
export interface LoadedDocument extends DocumentText {
  value: PlainObject
  document: Document.Parsed | null
}

export type LoadFileResult =
  | { ok: true; header: LoadedDocument | null; content: LoadedDocument | null; contentValue: PlainObject }
  | { ok: false; error: SpecError }

/** C0 controls other than tab, LF and CR, DEL, and U+FFFE/U+FFFF: libyaml refuses them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]/

/**
 * libyaml's reader rejects them before parsing. Psych reports a reader error at the (unset) context mark, so the
 * position is always line 1 column 1.
 */
function readerError(text: string, offset: number, utf8: Utf8Problem | null): SpecError | null {
  const match = CONTROL_CHARACTER.exec(text)
  const control = match ? offset + match.index : Number.POSITIVE_INFINITY
  const invalid =
    utf8 && utf8.offset >= offset && utf8.offset < offset + text.length
      ? utf8.offset
      : Number.POSITIVE_INFINITY
  if (invalid === Number.POSITIVE_INFINITY && control === Number.POSITIVE_INFINITY) return null
  // The reader reports whichever comes first in the piece.
  const [at, problem] =
    invalid <= control ? [invalid, utf8?.message ?? ''] : [control, 'control characters are not allowed']
  return specError('YAML_SYNTAX_ERROR', `(<unknown>): ${problem} at line 1 column 1`, [at, at + 1])
}

/** `source` as bytes is read as Psych reads a file: invalid UTF-8 is the reader error GitLab reports. */
export function loadFile(bytesOrText: string | Uint8Array): LoadFileResult {
  const { text: source, problem: utf8 } =
    typeof bytesOrText === 'string' ? { text: bytesOrText, problem: null } : decodeUtf8(bytesOrText)
  const parsed: { piece: DocumentText; value: unknown; document: Document.Parsed | null; tooBig: boolean }[] =
    []
  // `Loader::Yaml.new` per piece: the raw size check, then Psych. Every piece is parsed before any is checked.
  for (const piece of splitDocuments(source)) {
    if (piece.text.length > MAX_YAML_SIZE_BYTES && utf8ByteLength(piece.text) > MAX_YAML_SIZE_BYTES) {
      return { ok: false, error: specError('YAML_TOO_BIG', 'The provided YAML is too big') }
    }
    const reader = readerError(piece.text, piece.offset, utf8)
    if (reader) return { ok: false, error: reader }
    const result = parseYamlDocument(piece.text, piece.offset)
    if (!result.ok) return result
    parsed.push({ piece, value: result.value, document: result.document, tooBig: result.tooBig })
  }
  if (parsed.length > 0 && isBlank(parsed[0]?.value)) parsed.shift()
  const documents = parsed.filter((entry) => !isBlank(entry.value))
  const loaded: LoadedDocument[] = []
  for (const { piece, value, document, tooBig } of documents) {
    if (tooBig) return { ok: false, error: specError('YAML_TOO_BIG', 'The parsed YAML is too big') }
    if (!isPlainObject(value)) {
      return {
        ok: false,
        error: specError('YAML_INVALID_FORMAT', 'Invalid configuration format', [
          piece.offset,
          piece.offset + piece.text.length,
        ]),
      }
    }
    loaded.push({ ...piece, value, document })
  }
  const first = loaded[0]
  const hasHeader = first !== undefined && loaded.length > 1 && Object.hasOwn(first.value, 'spec')
  if (hasHeader) {
    const content = loaded[loaded.length - 1] as LoadedDocument
    return { ok: true, header: first, content, contentValue: content.value }
  }
  return { ok: true, header: null, content: first ?? null, contentValue: first?.value ?? {} }
}
