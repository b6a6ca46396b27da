export const begin = (name: string) => `<!-- BEGIN GENERATED: ${name} -->`
export const end = (name: string) => `<!-- END GENERATED: ${name} -->`

/** The marked section with `body` inside, as `catalog docs` writes it. */
export function section(name: string, body: string): string {
  return `${begin(name)}\n${body.trim() ? `\n${body.trim()}\n\n` : ''}${end(name)}`
}

/** Replaces the text between a section's markers; null when the markers are missing or out of order. */
export function replaceSection(text: string, name: string, body: string): string | null {
  const start = text.indexOf(begin(name))
  const stop = text.indexOf(end(name), start)
  if (start === -1 || stop === -1) return null
  return text.slice(0, start) + section(name, body) + text.slice(stop + end(name).length)
}
