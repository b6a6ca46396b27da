/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` can never close the script element and the
 * line separators JavaScript once rejected are escaped.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029')
}

const INLINE = /`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g

/**
 * The inline Markdown that template descriptions use: `code` spans and `[text](https://…)` links. Everything is
 * escaped; only http(s) links become anchors.
 */
export function inlineMarkdown(text: string): string {
  let html = ''
  let last = 0
  for (const match of text.matchAll(INLINE)) {
    html += escapeHtml(text.slice(last, match.index))
    if (match[1] !== undefined) html += `<code>${escapeHtml(match[1])}</code>`
    else html += `<a href="${escapeHtml(match[3])}">${inlineMarkdown(match[2] ?? '')}</a>`
    last = match.index + match[0].length
  }
  return html + escapeHtml(text.slice(last))
}
