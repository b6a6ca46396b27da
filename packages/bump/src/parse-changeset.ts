import { parse as parseYaml } from 'yaml'
import type { Level } from './types.js'

/** The one package every changeset names: the catalog is released as one version. */
export const CATALOG_PACKAGE = 'container-build-catalog'

/** A pending `.changeset/<id>.md`: the bump it asks for and its text for the changelog. */
export interface Changeset {
  /** Repository-relative path, e.g. `.changeset/brave-cats-sing.md`. */
  file: string
  level: Level
  text: string
}

export type ParseChangesetResult = { ok: true; changeset: Changeset } | { ok: false; error: string }

const LEVELS = new Set(['major', 'minor', 'patch'])
const EXAMPLE = `---\n"${CATALOG_PACKAGE}": minor\n---\n\nbuildx-cache: new \`platforms\` input builds multi-arch images.`

/** Whether a file under `.changeset/` is a changeset (not the README or config). */
export function isChangesetFile(name: string): boolean {
  return name.endsWith('.md') && name !== 'README.md'
}

/**
 * Parses one changeset: YAML front matter naming `"container-build-catalog": major|minor|patch`, then the text.
 * Errors say what was expected, what was found and show a valid example.
 */
export function parseChangeset(file: string, contents: string): ParseChangesetResult {
  const fail = (problem: string): ParseChangesetResult => ({
    ok: false,
    error: `${file}: ${problem}. A changeset looks like:\n${EXAMPLE}`,
  })
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(
    contents.replace(/^\uFEFF/, ''),
  )
  if (!match) return fail('expected front matter between `---` lines at the top of the file')
  let data: unknown
  try {
    data = parseYaml(match[1] ?? '')
  } catch (error) {
    return fail(`the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`)
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail(
      `expected the front matter to map "${CATALOG_PACKAGE}" to major, minor or patch, found nothing`,
    )
  }
  const entries = Object.entries(data as Record<string, unknown>)
  const others = entries.filter(([name]) => name !== CATALOG_PACKAGE).map(([name]) => `"${name}"`)
  if (others.length > 0) {
    return fail(
      `expected only "${CATALOG_PACKAGE}" in the front matter (the catalog has one version; name the component in the text), found ${others.join(', ')}`,
    )
  }
  const level = (data as Record<string, unknown>)[CATALOG_PACKAGE]
  if (typeof level !== 'string' || !LEVELS.has(level)) {
    return fail(
      `expected "${CATALOG_PACKAGE}" to be major, minor or patch, found ${JSON.stringify(level ?? null)}`,
    )
  }
  const text = (match[2] ?? '').trim()
  if (text === '') return fail('expected a description of the change after the front matter, found none')
  return { ok: true, changeset: { file, level: level as Level, text } }
}
