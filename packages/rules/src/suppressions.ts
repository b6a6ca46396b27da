/**
 * Inline suppressions: `# catalog-validate: ignore <rule>[,<rule>…] <reason>` at the end of the line a finding is
 * on, or on comment lines right above it; on a job's key line (or above it) for every finding inside that job; on an
 * input's key line for findings about that input. The reason is required.
 */
export interface Suppression {
  file: string
  /** 1-based line of the comment. */
  line: number
  rules: string[]
  reason: string
  used: boolean
}

const DIRECTIVE = /#\s*catalog-validate:\s*ignore\b[ \t]*([^\s]*)[ \t]*(.*?)\s*$/

export function parseSuppressions(file: string, source: string): Suppression[] {
  const found: Suppression[] = []
  source.split('\n').forEach((text, index) => {
    const match = DIRECTIVE.exec(text)
    if (!match) return
    found.push({
      file,
      line: index + 1,
      rules: (match[1] ?? '').split(',').filter(Boolean),
      reason: match[2] ?? '',
      used: false,
    })
  })
  return found
}

/** The lines whose suppressions cover `line`: the line itself and the comment-only lines right above it. */
export function coveringLines(lines: string[], line: number): number[] {
  const covering = [line]
  for (let above = line - 1; above >= 1 && /^\s*#/.test(lines[above - 1] ?? ''); above--) covering.push(above)
  return covering
}
