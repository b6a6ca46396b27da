/**
 * A unified diff of two texts, line by line, as `diff -u` writes it (`--- a/file`, `+++ b/file`, `@@` hunks with
 * `context` lines around each change, `\ No newline at end of file` where it applies). Empty when equal.
 */
export function unifiedDiff(
  before: string,
  after: string,
  options: { fromFile: string; toFile: string; context?: number },
): string {
  if (before === after) return ''
  const context = options.context ?? 3
  const a = splitLines(before)
  const b = splitLines(after)
  const ops = diffLines(a, b)

  const hunks: string[] = []
  let i = 0
  while (i < ops.length) {
    const firstChange = ops.findIndex((op, index) => index >= i && op.kind !== ' ')
    if (firstChange < 0) break
    const start = Math.max(i, firstChange - context)
    let end = firstChange
    // Extend the hunk while the next change is within 2 * context unchanged lines.
    for (let k = firstChange; k < ops.length; k++) {
      if (ops[k]?.kind !== ' ') end = k
      else if (k - end > 2 * context) break
    }
    const stop = Math.min(ops.length, end + context + 1)
    const slice = ops.slice(start, stop)
    const oldStart = (ops[start] as Op).aIndex
    const newStart = (ops[start] as Op).bIndex
    const oldCount = slice.filter((op) => op.kind !== '+').length
    const newCount = slice.filter((op) => op.kind !== '-').length
    const lines = slice.map((op) =>
      op.text.endsWith('\n')
        ? `${op.kind}${op.text}\\ No newline at end of file\n`
        : `${op.kind}${op.text}\n`,
    )
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${lines.join('')}`)
    i = stop
  }
  return `--- ${options.fromFile}\n+++ ${options.toFile}\n${hunks.join('')}`
}

interface Op {
  kind: ' ' | '-' | '+'
  text: string
  aIndex: number
  bIndex: number
}

function range(start: number, count: number): string {
  // diff -u numbers lines from 1; an empty range names the line before it.
  const first = count === 0 ? start : start + 1
  return count === 1 ? `${first}` : `${first},${count}`
}

/** Lines without their newline; a last line without one keeps a trailing `\n` so it differs from one with it. */
function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  else lines[lines.length - 1] += '\n'
  return lines
}

/** Longest common subsequence over the lines between the common prefix and suffix. */
function diffLines(a: string[], b: string[]): Op[] {
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++
  }
  const midA = a.slice(prefix, a.length - suffix)
  const midB = b.slice(prefix, b.length - suffix)
  const n = midA.length
  const m = midB.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let x = n - 1; x >= 0; x--) {
    for (let y = m - 1; y >= 0; y--) {
      const row = lcs[x] as number[]
      row[y] =
        midA[x] === midB[y]
          ? ((lcs[x + 1] as number[])[y + 1] as number) + 1
          : Math.max((lcs[x + 1] as number[])[y] as number, row[y + 1] as number)
    }
  }
  const ops: Op[] = []
  for (let k = 0; k < prefix; k++) ops.push({ kind: ' ', text: a[k] as string, aIndex: k, bIndex: k })
  let x = 0
  let y = 0
  while (x < n || y < m) {
    if (x < n && y < m && midA[x] === midB[y]) {
      ops.push({ kind: ' ', text: midA[x] as string, aIndex: prefix + x, bIndex: prefix + y })
      x++
      y++
    } else if (
      x < n &&
      (y === m || ((lcs[x + 1] as number[])[y] as number) >= ((lcs[x] as number[])[y + 1] as number))
    ) {
      ops.push({ kind: '-', text: midA[x] as string, aIndex: prefix + x, bIndex: prefix + y })
      x++
    } else {
      ops.push({ kind: '+', text: midB[y] as string, aIndex: prefix + x, bIndex: prefix + y })
      y++
    }
  }
  for (let k = 0; k < suffix; k++) {
    ops.push({
      kind: ' ',
      text: a[a.length - suffix + k] as string,
      aIndex: a.length - suffix + k,
      bIndex: b.length - suffix + k,
    })
  }
  return ops
}
