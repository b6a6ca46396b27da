import type { Changeset } from './parse-changeset.js'

/** The heading for changes that name no component. */
export const OTHER_GROUP = 'Other'

/** One `### <component>` group of a changelog section. */
export interface ChangelogGroup {
  component: string
  entries: string[]
}

/**
 * Groups changeset texts by the component they name: the text before the first `:` when it is a component name
 * (or a comma-separated list of them, which puts the entry in each group), with that prefix removed. Anything else
 * goes to "Other". Groups follow `components` order, "Other" last; entries keep changeset order.
 */
export function groupChangesets(
  changesets: readonly Changeset[],
  components: readonly string[],
): ChangelogGroup[] {
  const known = new Set(components)
  const groups = new Map<string, string[]>()
  const add = (component: string, entry: string) => {
    const list = groups.get(component) ?? []
    list.push(entry)
    groups.set(component, list)
  }
  for (const changeset of changesets) {
    const colon = changeset.text.indexOf(':')
    const names =
      colon > 0
        ? changeset.text
            .slice(0, colon)
            .split(',')
            .map((name) => name.trim())
        : []
    const rest = changeset.text.slice(colon + 1).trim()
    if (names.length > 0 && rest !== '' && names.every((name) => known.has(name))) {
      for (const name of new Set(names)) add(name, rest)
    } else {
      add(OTHER_GROUP, changeset.text)
    }
  }
  const order = [
    ...components.filter((name) => groups.has(name)),
    ...(groups.has(OTHER_GROUP) ? [OTHER_GROUP] : []),
  ]
  return order.map((component) => ({ component, entries: groups.get(component) ?? [] }))
}

function entryLines(entry: string): string {
  const [first = '', ...rest] = entry.split('\n')
  return [`- ${first}`, ...rest.map((line) => (line.trim() === '' ? '' : `  ${line}`))].join('\n')
}

/** The section body (everything under the `## <version>` heading): `### <component>` groups of `- ` entries. */
export function renderChangelogBody(groups: readonly ChangelogGroup[]): string {
  return groups
    .map((group) => `### ${group.component}\n\n${group.entries.map(entryLines).join('\n')}`)
    .join('\n\n')
}

/** The whole section: `## 1.4.0 (2026-11-23)` then the body. `date` is `YYYY-MM-DD`. */
export function renderChangelogSection(
  version: string,
  date: string,
  groups: readonly ChangelogGroup[],
): string {
  return `## ${version} (${date})\n\n${renderChangelogBody(groups)}\n`
}

const TITLE = '# Changelog'

/**
 * Puts `section` on top of the existing CHANGELOG.md, right after its `# Changelog` title (added when the file is
 * missing or has none). Earlier sections are kept byte for byte.
 */
export function insertChangelogSection(existing: string | null, section: string): string {
  const text = existing ?? ''
  const lines = text.split('\n')
  const titleIndex = lines.findIndex((line) => line.trim() === TITLE)
  if (titleIndex === -1) {
    const rest = text.trim() === '' ? '' : `\n${text.replace(/^\n+/, '')}`
    return `${TITLE}\n\n${section.trimEnd()}\n${rest}`
  }
  const before = lines.slice(0, titleIndex + 1).join('\n')
  const after = lines
    .slice(titleIndex + 1)
    .join('\n')
    .replace(/^\n+/, '')
  return `${before}\n\n${section.trimEnd()}\n${after === '' ? '' : `\n${after}`}`
}

/** The top `## <version>` heading's version in a CHANGELOG.md, or null when it has no release section. */
export function topChangelogVersion(text: string): string | null {
  for (const line of text.split('\n')) {
    const heading = /^## \[?(v?\d+\.\d+\.\d+[^\]\s]*)\]?/.exec(line)
    if (heading) return heading[1] ?? null
  }
  return null
}

/** The section for `version` without its heading (what the tag message and the GitLab release notes carry). */
export function changelogSectionBody(text: string, version: string): string | null {
  const lines = text.split('\n')
  const start = lines.findIndex((line) =>
    new RegExp(`^## \\[?${escapeRegExp(version)}\\]?(?:\\s|$)`).test(line),
  )
  if (start === -1) return null
  let end = lines.length
  for (let i = start + 1; i < lines.length; i++) {
    if (/^## /.test(lines[i] ?? '')) {
      end = i
      break
    }
  }
  return lines
    .slice(start + 1, end)
    .join('\n')
    .trim()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
