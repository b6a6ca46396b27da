import { type SpecError, specError } from '../errors.js'
import { utf8ByteLength } from '../util-bytes.js'
import { isPlainObject, type PlainObject, rubyGsub, rubyToS, setKey } from '../util-ruby.js'
import { type BlockContext, type BlockResult, evaluateBlock } from './evaluate-block.js'
import { BLOCK_PREFIX, scanBlocks } from './find-blocks.js'

/**
 * `Interpolation::Template` over `Interpolation::Config#replace!`: every hash key and value and every array item is
 * visited; a string that is exactly one block takes the block's value with its type, any other string gets each
 * block replaced by Ruby `gsub` with the value's `to_s`; an array item that becomes an array is spliced in. The
 * first invalid block stops everything (Ruby `break`), and only its errors are reported.
 */
export const MAX_NODES = 500_000
export const MAX_NODE_SIZE = 1024 * 1024
export const MAX_BLOCKS = 10_000

export type InterpolateResult = { ok: true; value: PlainObject } | { ok: false; errors: SpecError[] }

export interface InterpolateLimits {
  maxNodes?: number
  maxNodeSize?: number
  maxBlocks?: number
}

const STOP = Symbol('stop')

class Interpolation {
  private visited = 0
  private readonly blocks = new Map<string, BlockResult>()
  readonly errors: SpecError[] = []
  private readonly maxNodes: number
  private readonly maxNodeSize: number
  private readonly maxBlocks: number

  constructor(
    private readonly context: BlockContext,
    limits: InterpolateLimits,
  ) {
    this.maxNodes = limits.maxNodes ?? MAX_NODES
    this.maxNodeSize = limits.maxNodeSize ?? MAX_NODE_SIZE
    this.maxBlocks = limits.maxBlocks ?? MAX_BLOCKS
  }

  private visit(times = 1): boolean {
    this.visited += times
    if (this.visited > this.maxNodes) {
      this.errors.push(specError('CONFIG_TOO_LARGE', 'config too large'))
      return false
    }
    return true
  }

  replace(node: unknown): unknown {
    if (!this.visit()) return STOP
    if (Array.isArray(node)) {
      const out: unknown[] = []
      for (const item of node) {
        const replaced = this.replace(item)
        if (replaced === STOP) return STOP
        if (typeof item === 'string' && Array.isArray(replaced)) out.push(...replaced)
        else out.push(replaced)
      }
      return out
    }
    if (isPlainObject(node)) {
      const out: PlainObject = {}
      for (const [key, value] of Object.entries(node)) {
        // Content keys are Symbols in GitLab (deep-symbolized): visiting the Symbol, then its String, counts twice.
        if (!this.visit(2)) return STOP
        const newKey = this.replaceString(key)
        if (newKey === STOP) return STOP
        const newValue = this.replace(value)
        if (newValue === STOP) return STOP
        setKey(out, typeof newKey === 'string' ? newKey : rubyToS(newKey), newValue)
      }
      return out
    }
    if (typeof node === 'string') return this.replaceString(node)
    return node
  }

  private replaceString(node: string): unknown {
    if (node.length > this.maxNodeSize / 3 && utf8ByteLength(node) > this.maxNodeSize) {
      this.errors.push(specError('CONFIG_NODE_TOO_LARGE', 'config node too large'))
      return STOP
    }
    if (!node.includes(BLOCK_PREFIX)) return node
    const matches = scanBlocks(node)
    if (matches.length === 0) return node
    const values: unknown[] = []
    for (const match of matches) {
      let block = this.blocks.get(match.block)
      if (!block) {
        block = evaluateBlock(match.block, match.data, this.context)
        this.blocks.set(match.block, block)
      }
      if (this.blocks.size > this.maxBlocks) {
        this.errors.push(specError('TOO_MANY_BLOCKS', 'too many interpolation blocks'))
        if (!block.ok) this.errors.push(...block.errors)
        return STOP
      }
      if (!block.ok) {
        this.errors.push(...block.errors)
        return STOP
      }
      values.push(block.value)
    }
    const [first] = matches
    if (matches.length === 1 && first && first.block === node) return values[0]
    let result = node
    matches.forEach((match, index) => {
      result = rubyGsub(result, match.block, rubyToS(values[index]))
    })
    return result
  }
}

export function interpolateContent(
  content: PlainObject,
  context: BlockContext,
  limits: InterpolateLimits = {},
): InterpolateResult {
  const interpolation = new Interpolation(context, limits)
  const value = interpolation.replace(content)
  if (value === STOP || interpolation.errors.length > 0) return { ok: false, errors: interpolation.errors }
  return { ok: true, value: value as PlainObject }
}
