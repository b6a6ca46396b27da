import { rubySplit, rubyStrip } from '../util-ruby.js'

/**
 * `Interpolation::Template::BLOCK_REGEXP`, an RE2 pattern: `(?<block>\$\[\[\s*(?<data>\S{1}.*?\S{1})\s*\]\])`.
 * RE2's `\s` is ASCII (`[\t\n\f\r ]`) and its `.` stops only at `\n`, so blocks are single-line and need at least
 * two non-space characters inside the brackets.
 */
const BLOCK_PATTERN = /\$\[\[[\t\n\f\r ]*([^\t\n\f\r ][^\n]*?[^\t\n\f\r ])[\t\n\f\r ]*\]\]/gu

export const BLOCK_PREFIX = '$[['

export interface BlockMatch {
  /** The whole block, `$[[ ... ]]`. */
  block: string
  /** What is inside the brackets, without the surrounding whitespace. */
  data: string
  index: number
}

export function scanBlocks(text: string): BlockMatch[] {
  if (!text.includes(BLOCK_PREFIX)) return []
  const matches: BlockMatch[] = []
  BLOCK_PATTERN.lastIndex = 0
  for (let match = BLOCK_PATTERN.exec(text); match; match = BLOCK_PATTERN.exec(text)) {
    matches.push({ block: match[0], data: match[1] as string, index: match.index })
  }
  return matches
}

/** `Block#evaluate!`: `data.split('|').map(&:strip)`, the access first and then the functions. */
export function splitBlockData(data: string): { access: string; functions: string[] } {
  const [access = '', ...functions] = rubySplit(data, '|').map(rubyStrip)
  return { access, functions }
}

export interface InterpolationBlock {
  /** The whole block, `$[[ ... ]]`. */
  text: string
  access: string
  functions: string[]
  /** Offsets of the block in `text` given to `findBlocks`. */
  start: number
  end: number
}

/** Every interpolation block in `text`, where it is and what it accesses (for lint rules). */
export function findBlocks(text: string): InterpolationBlock[] {
  return scanBlocks(text).map(({ block, data, index }) => ({
    text: block,
    ...splitBlockData(data),
    start: index,
    end: index + block.length,
  }))
}
