import { joinErrors, type SpecError, specError } from './errors.js'
import { type LoadedDocument, loadFile } from './load-file.js'
import type { ComponentSpec } from './types.js'
import type { PlainObject } from './util-ruby.js'
import { validateHeader } from './validate-header.js'

export type ReadSpecResult =
  | {
      ok: true
      /** `null` when the file has no header. */
      spec: ComponentSpec | null
      /** The content document's source text and its offset in the file. */
      content: { text: string; offset: number }
    }
  | { ok: false; error: string; errors: SpecError[] }

/** Internal form of `readSpec`, with what `render` needs next. */
export type LoadSpecResult =
  | {
      ok: true
      spec: ComponentSpec | null
      inputConfigs: Record<string, PlainObject>
      header: LoadedDocument | null
      content: LoadedDocument | null
      contentValue: PlainObject
    }
  | { ok: false; errors: SpecError[] }

export function loadSpec(source: string | Uint8Array): LoadSpecResult {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    return { ok: false, errors: [specError('YAML_INVALID_FORMAT', 'Invalid configuration format')] }
  }
  const loaded = loadFile(source)
  if (!loaded.ok) return { ok: false, errors: [loaded.error] }
  if (!loaded.header) {
    return {
      ok: true,
      spec: null,
      inputConfigs: {},
      header: null,
      content: loaded.content,
      contentValue: loaded.contentValue,
    }
  }
  const header = validateHeader(loaded.header)
  if (!header.ok) return { ok: false, errors: header.errors }
  return {
    ok: true,
    spec: header.spec,
    inputConfigs: header.inputConfigs,
    header: loaded.header,
    content: loaded.content,
    contentValue: loaded.contentValue,
  }
}

export function contentText(content: LoadedDocument | null): { text: string; offset: number } {
  return content ? { text: content.text, offset: content.offset } : { text: '', offset: 0 }
}

/** Split, parse and validate the header only (no inputs, no interpolation). */
export function readSpec(source: string | Uint8Array): ReadSpecResult {
  const loaded = loadSpec(source)
  if (!loaded.ok) return { ok: false, error: joinErrors(loaded.errors), errors: loaded.errors }
  return { ok: true, spec: loaded.spec, content: contentText(loaded.content) }
}
