import { parseVersion } from './version.js'

/** One `## <version>` section of a CHANGELOG.md. */
export interface ChangelogSection {
  /** The version as the heading writes it: `1.4.0`, `v1.4.0`. */
  version: string
  /** The heading line, e.g. `## 1.4.0 (2026-11-23)`. */
  heading: string
  /** Everything under the heading up to the next section, trimmed. */
  body: string
}

/** One `### <component>` group of a section. */
export interface ChangelogGroup {
  component: string
  entries: string[]
}

const TITLE = '# Changelog'

/** The version a `## ` line is the heading of (`## 1.4.0 (date)`, `## [v1.4.0]`), or null. */
function headingVersion(line: string): string | null {
  const match = /^## \[?([^\]\s]+)\]?(?:\s|$)/.exec(line)
  return match && parseVersion(match[1] as string) ? (match[1] as string) : null
}

/** The version sections of a CHANGELOG.md, in file order (newest first, as the release writes them). */
export function parseChangelog(text: string): ChangelogSection[] {
  const sections: ChangelogSection[] = []
  let current: { version: string; heading: string; lines: string[] } | null = null
  const flush = () => {
    if (current)
      sections.push({
        version: current.version,
        heading: current.heading,
        body: current.lines.join('\n').trim(),
      })
  }
  for (const line of text.split('\n')) {
    const version = headingVersion(line)
    if (version !== null) {
      flush()
      current = { version, heading: line.trimEnd(), lines: [] }
    } else if (/^## /.test(line)) {
      flush()
      current = null
    } else {
      current?.lines.push(line)
    }
  }
  flush()
  return sections
}

/** The section of `version` (a `v` on either side ignored), or null when the changelog has none. */
export function changelogSection(text: string, version: string): ChangelogSection | null {
  const bare = version.replace(/^v/, '')
  const sections = parseChangelog(text)
  return (
    sections.find((section) => section.version === version) ??
    sections.find((section) => section.version.replace(/^v/, '') === bare) ??
    null
  )
}

/** The top section's version, or null when the changelog has no version section. */
export function topChangelogVersion(text: string): string | null {
  return parseChangelog(text)[0]?.version ?? null
}

function entryLines(entry: string): string {
  const [first = '', ...rest] = entry.split('\n')
  return [`- ${first}`, ...rest.map((line) => (line.trim() === '' ? '' : `  ${line}`))].join('\n')
}

/** A whole section: `## 1.4.0 (2026-11-23)`, then `### <component>` groups of `- ` entries. */
export function renderChangelogSection(
  version: string,
  date: string,
  groups: readonly ChangelogGroup[],
): string {
  const body = groups
    .map((group) => `### ${group.component}\n\n${group.entries.map(entryLines).join('\n')}`)
    .join('\n\n')
  return `## ${version} (${date})\n\n${body}\n`
}

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

/** The entries a section body lists for one component: the `- ` items under its `### <name>` heading, lines joined. */
export function componentChanges(body: string, component: string): string[] {
  const entries: string[] = []
  let inGroup = false
  for (const line of body.split('\n')) {
    const heading = /^###\s+(.+?)\s*$/.exec(line)
    if (heading) {
      inGroup = heading[1]?.replace(/^`|`$/g, '') === component
      continue
    }
    if (!inGroup) continue
    const item = /^[-*]\s+(.*)$/.exec(line)
    if (item) entries.push(item[1] ?? '')
    else if (/^\s+\S/.test(line) && entries.length > 0) entries[entries.length - 1] += ` ${line.trim()}`
  }
  return entries
}
