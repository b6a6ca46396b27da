// The shared shell library (lib/catalog-lib.sh) lives in one file and is copied into every template as the first
// script item, marked `- |  # catalog-lib …`: GitLab gives a component nothing but its own file (and local
// includes of its project, which would clash between two versions of the catalog in one pipeline), so each
// template carries its copy, and `npm run sync-lib` rewrites the copies from the one source.
import { readFileSync } from 'node:fs'

export const LIB_FILE = new URL('../../lib/catalog-lib.sh', import.meta.url).pathname
export const LIB_MARKER =
  '# catalog-lib: generated from lib/catalog-lib.sh by `npm run sync-lib`; edit that file'

export const readLib = () => readFileSync(LIB_FILE, 'utf8')

/** The library's lines without its own header comment (the marker says where it comes from). */
function libBody(lib: string): string[] {
  const lines = lib.replace(/\n+$/, '').split('\n')
  const first = lines.findIndex((line) => !line.startsWith('#'))
  return lines.slice(first)
}

export type EmbedResult = { ok: true; text: string } | { ok: false; error: string }

/** The template with its catalog-lib script item replaced by the library; an error when it has none. */
export function embedLib(template: string, lib: string): EmbedResult {
  const lines = template.split('\n')
  const start = lines.findIndex((line) => /^\s*- \|\s+# catalog-lib\b/.test(line))
  if (start < 0) return { ok: false, error: 'no `- |  # catalog-lib` script item' }
  const dashIndent = (lines[start] as string).indexOf('-')
  let end = start + 1
  while (end < lines.length) {
    const line = lines[end] as string
    if (line.trim() !== '' && line.search(/\S/) <= dashIndent) break
    end++
  }
  while (end > start + 1 && (lines[end - 1] as string).trim() === '') end--
  const indent = ' '.repeat(dashIndent + 2)
  const body = libBody(lib).map((line) => (line === '' ? '' : `${indent}${line}`))
  const replaced = [
    ...lines.slice(0, start),
    `${' '.repeat(dashIndent)}- |  ${LIB_MARKER}`,
    ...body,
    ...lines.slice(end),
  ]
  return { ok: true, text: replaced.join('\n') }
}
