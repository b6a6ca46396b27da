import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'

/**
 * A unified diff of two texts, as `diff -u` writes it (`--- a/file`, `+++ b/file`, `@@` hunks with `context`
 * lines around each change, `\ No newline at end of file` where it applies), by jsdiff. Empty when equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  options: { fromFile: string; toFile: string; context?: number },
): string {
  if (before === after) return ''
  return createTwoFilesPatch(options.fromFile, options.toFile, before, after, undefined, undefined, {
    context: options.context ?? 3,
    headerOptions: FILE_HEADERS_ONLY,
  })
}
