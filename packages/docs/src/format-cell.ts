/** A Markdown table cell: `|` escaped, line breaks as `<br>`, surrounding space trimmed. */
export function formatCell(text: string): string {
  return text.trim().replace(/\r?\n/g, '<br>').replace(/\|/g, '\\|')
}

/** Inline code that survives backticks in the text (a longer fence, padded when needed). */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** How a YAML value reads in the docs: strings as written, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '`""`' : code(value)
  return code(JSON.stringify(value) ?? 'null')
}
