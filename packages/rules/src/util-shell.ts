/** Where a position in a shell line sits: outside quotes, in single quotes or in double quotes. */
export type QuoteState = 'none' | 'single' | 'double'

export function quoteStateAt(text: string, position: number): QuoteState {
  let state: QuoteState = 'none'
  for (let i = 0; i < position && i < text.length; i++) {
    const char = text[i]
    if (state === 'single') {
      if (char === "'") state = 'none'
    } else if (char === '\\') {
      i++
    } else if (char === '"') {
      state = state === 'double' ? 'none' : 'double'
    } else if (char === "'" && state === 'none') {
      state = 'single'
    } else if (char === '#' && state === 'none' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      // A comment runs to the end of the line.
      const newline = text.indexOf('\n', i)
      if (newline === -1 || newline >= position) return 'none'
      i = newline
    }
  }
  return state
}

/** A shell text cut into simple commands (at newlines, `;`, `&&`, `||`), each a list of pipeline stages. */
export function pipelinesOf(text: string): string[][] {
  const joined = text.replace(/\\\n/g, ' ')
  const pipelines: string[][] = []
  let current = ''
  let stages: string[] = []
  let state: QuoteState = 'none'
  const flushStage = () => {
    stages.push(current.trim())
    current = ''
  }
  const flushPipeline = () => {
    flushStage()
    const nonEmpty = stages.filter(Boolean)
    if (nonEmpty.length > 0) pipelines.push(nonEmpty)
    stages = []
  }
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i] ?? ''
    const next = joined[i + 1] ?? ''
    if (state === 'single') {
      if (char === "'") state = 'none'
      current += char
      continue
    }
    if (char === '\\') {
      current += char + next
      i++
      continue
    }
    if (char === '"') state = state === 'double' ? 'none' : 'double'
    else if (char === "'" && state === 'none') state = 'single'
    if (state === 'none') {
      if (char === '\n' || char === ';' || (char === '&' && next === '&') || (char === '|' && next === '|')) {
        flushPipeline()
        if (char !== '\n' && char !== ';') i++
        continue
      }
      if (char === '|') {
        flushStage()
        continue
      }
    }
    current += char
  }
  flushPipeline()
  return pipelines
}

/** Variable names that hold secrets by convention. */
export const SECRET_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|TOKEN|SECRET|PRIVATE_KEY|API_KEY|CREDENTIAL|AUTH_CONFIG|JWT)/i

/** `$NAME` / `${NAME}` references in a command whose names look like secrets. */
export function secretReferences(command: string): string[] {
  const names: string[] = []
  for (const match of command.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = match[1] ?? ''
    if (SECRET_NAME.test(name)) names.push(name)
  }
  return names
}
