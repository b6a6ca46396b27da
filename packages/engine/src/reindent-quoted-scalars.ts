import { type Document, isNode, visit } from 'yaml'

/**
 * libyaml (and so Psych, and so GitLab) reads a quoted scalar up to its closing quote whatever the indentation of
 * its continuation lines: `- "echo a\n    b"` with `b` at the sequence's column, or even at column 0, folds to
 * `echo a b`. The `yaml` package ends the scalar at the first under-indented line and reports a missing quote. As
 * folding drops a continuation line's leading white space, indenting those lines further changes no value: this
 * rewrites them so `yaml` reads what Psych reads, and maps offsets in the rewritten text back to the original.
 */
export interface ReindentedText {
  text: string
  toOriginal(offset: number): number
}

interface Edit {
  /** Where the replaced indentation starts and ends in the original text. */
  start: number
  end: number
  /** Length of the replacement. */
  length: number
}

/** Offset just past the closing quote of the scalar opening at `open`, libyaml's way; -1 when it never closes. */
function closingQuote(text: string, open: number): number {
  const quote = text[open]
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]
    if (char === '\n' && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(i + 1, i + 5))) return -1
    if (quote === '"' && char === '\\') i++
    else if (quote === "'" && char === "'" && text[i + 1] === "'") i++
    else if (char === quote) return i + 1
  }
  return -1
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1)
}

/** Where a flow scalar may open: after `- `, `: `, `[`, `{`, `,`, `? ` or at the start of a line's content. */
const OPENS_SCALAR = /(?:^|[-:?,[{])[ \t]*$/

/**
 * The opening quote of a quoted scalar that spans `near`, where `yaml` reported an error: the last quote that can
 * open a scalar, on the error's line or up to 200 lines above, whose closing quote (libyaml's way) lies past `near`.
 */
function spanningQuote(text: string, near: number): number {
  let lineStart = text.lastIndexOf('\n', Math.max(0, near - 1)) + 1
  for (let lines = 0; lines < 200 && lineStart >= 0; lines++) {
    const lineEnd = text.indexOf('\n', lineStart)
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    for (let i = line.length - 1; i >= 0; i--) {
      const open = lineStart + i
      if ((line[i] !== '"' && line[i] !== "'") || open >= near || line.slice(0, i).includes(' #')) continue
      if (!OPENS_SCALAR.test(line.slice(0, i))) continue
      const close = closingQuote(text, open)
      if (close > near) return open
    }
    if (lineStart === 0) break
    lineStart = text.lastIndexOf('\n', lineStart - 2) + 1
  }
  return -1
}

/**
 * Re-indents the continuation lines of the quoted scalar that spans `near` (where `yaml` reported an error). Null
 * when there is none, or nothing Psych would read differently.
 */
export function reindentQuotedScalar(text: string, near: number): ReindentedText | null {
  const open = spanningQuote(text, near)
  if (open === -1) return null
  const close = closingQuote(text, open)
  const indent = columnOf(text, open) + 1
  const edits: Edit[] = []
  for (let at = text.indexOf('\n', open); at !== -1 && at < close; at = text.indexOf('\n', at + 1)) {
    const start = at + 1
    let end = start
    while (text[end] === ' ' || text[end] === '\t') end++
    if (text[end] === '\n' || text[end] === '\r') continue
    if (end - start < indent || text.slice(start, end).includes('\t'))
      edits.push({ start, end, length: Math.max(indent, end - start) })
  }
  if (edits.length === 0) return null
  let rewritten = ''
  let from = 0
  for (const edit of edits) {
    rewritten += text.slice(from, edit.start) + ' '.repeat(edit.length)
    from = edit.end
  }
  rewritten += text.slice(from)
  return {
    text: rewritten,
    toOriginal(offset) {
      let delta = 0
      for (const edit of edits) {
        const newStart = edit.start + delta
        if (offset < newStart) break
        if (offset < newStart + edit.length) return edit.start
        delta += edit.length - (edit.end - edit.start)
      }
      return offset - delta
    },
  }
}

/** Moves every node range of a document parsed from rewritten text back onto the original text. */
export function remapRanges(document: Document, toOriginal: (offset: number) => number): void {
  visit(document, (_key, node) => {
    if (isNode(node) && node.range) {
      node.range = node.range.map(toOriginal) as [number, number, number]
    }
  })
  if (document.range) document.range = document.range.map(toOriginal) as [number, number, number]
}
