/** Maps source offsets to 1-based line and column, by binary search over the newline offsets. */
export interface LineIndex {
  locate(offset: number): { line: number; col: number }
  /** The offset where 1-based `line` starts. */
  lineStart(line: number): number
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return {
    locate(offset) {
      const target = Math.max(0, Math.min(offset, text.length))
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if ((starts[mid] ?? 0) <= target) low = mid
        else high = mid - 1
      }
      return { line: low + 1, col: target - (starts[low] ?? 0) + 1 }
    },
    lineStart(line) {
      return starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0
    },
  }
}
