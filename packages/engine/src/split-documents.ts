/**
 * `Gitlab::Config::Loader::MultiDocYaml`: `text.split(/^---\s+/, max_documents + 1)` (Ruby `^` is a line start and
 * `\s` is ASCII whitespace). GitLab CI uses two documents, so the text is cut into at most three pieces.
 */
export interface DocumentText {
  text: string
  /** Offset of `text` in the whole file. */
  offset: number
}

const DIVIDER = /^---[ \t\r\n\f\v]+/gm
export const MAX_DOCUMENTS = 2

export function splitDocuments(source: string, maxDocuments = MAX_DOCUMENTS): DocumentText[] {
  const limit = maxDocuments + 1
  const pieces: DocumentText[] = []
  let start = 0
  DIVIDER.lastIndex = 0
  while (pieces.length < limit - 1) {
    const match = DIVIDER.exec(source)
    if (!match) break
    pieces.push({ text: source.slice(start, match.index), offset: start })
    start = match.index + match[0].length
  }
  pieces.push({ text: source.slice(start), offset: start })
  return pieces
}
