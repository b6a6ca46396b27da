import type { Document } from 'yaml'
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
function controlCharacterError(text: string, offset: number): SpecError | null {
  const match = CONTROL_CHARACTER.exec(text)
  if (!match) return null
  return specError(
    'YAML_SYNTAX_ERROR',
    '(<unknown>): control characters are not allowed at line 1 column 1',
    [offset + match.index, offset + match.index + 1],
  )
}

export function loadFile(source: string): LoadFileResult {
  const parsed: { piece: DocumentText; value: unknown; document: Document.Parsed | null; tooBig: boolean }[] =
    []
  // `Loader::Yaml.new` per piece: the raw size check, then Psych. Every piece is parsed before any is checked.
  for (const piece of splitDocuments(source)) {
    if (piece.text.length > MAX_YAML_SIZE_BYTES && utf8ByteLength(piece.text) > MAX_YAML_SIZE_BYTES) {
      return { ok: false, error: specError('YAML_TOO_BIG', 'The provided YAML is too big') }
    }
    const control = controlCharacterError(piece.text, piece.offset)
    if (control) return { ok: false, error: control }
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
