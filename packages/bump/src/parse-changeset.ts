import parse from '@changesets/parse'
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

const LEVELS: readonly string[] = ['major', 'minor', 'patch']
const EXAMPLE = `---\n"${CATALOG_PACKAGE}": minor\n---\n\nbuildx-cache: new \`platforms\` input builds multi-arch images.`

/**
 * Parses one changeset with changesets' own parser (`@changesets/parse`), then checks what the catalog needs: the
 * front matter names only `"container-build-catalog"`, as major, minor or patch, and there is a text. Errors say
 * what was expected, what was found and show a valid example.
 */
export function parseChangeset(file: string, contents: string): ParseChangesetResult {
  const fail = (problem: string): ParseChangesetResult => ({
    ok: false,
    error: `${file}: ${problem}. A changeset looks like:\n${EXAMPLE}`,
  })
  let parsed: { summary: string; releases: { name: string; type: string }[] }
  try {
    parsed = parse(contents.replace(/^\uFEFF/, ''))
  } catch (error) {
    // changesets' message: "could not parse changeset - <what>.", then why.
    const [what = '', why = ''] = (error as Error).message.split('\n')
    return fail(
      `${what.replace(/^could not parse changeset - /, '').replace(/\.$/, '')} (${why.replace(/\.$/, '')})`,
    )
  }
  const others = parsed.releases.filter(({ name }) => name !== CATALOG_PACKAGE).map(({ name }) => `"${name}"`)
  if (others.length > 0) {
    return fail(
      `expected only "${CATALOG_PACKAGE}" in the front matter (the catalog has one version; name the component in the text), found ${others.join(', ')}`,
    )
  }
  const level = parsed.releases[0]?.type
  if (level === undefined || !LEVELS.includes(level)) {
    return fail(
      `expected "${CATALOG_PACKAGE}" to be major, minor or patch, found ${JSON.stringify(level ?? null)}`,
    )
  }
  if (parsed.summary === '')
    return fail('expected a description of the change after the front matter, found none')
  return { ok: true, changeset: { file, level: level as Level, text: parsed.summary } }
}
