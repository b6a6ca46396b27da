/**
 * The entries a CHANGELOG.md section lists for one component: the `- ` items under its `### <name>` heading,
 * continuation lines joined.
 */
export function changesFor(section: string, component: string): string[] {
  const entries: string[] = []
  let inGroup = false
  for (const line of section.split('\n')) {
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
