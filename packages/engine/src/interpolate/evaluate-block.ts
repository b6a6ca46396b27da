import { type SpecError, specError } from '../errors.js'
import type { FunctionContext } from '../functions/function.js'
import { runFunctions } from '../functions/run-functions.js'
import { rubySplit } from '../util-ruby.js'
import { evaluateAccess } from './evaluate-access.js'
import { splitBlockData } from './find-blocks.js'

/** `Interpolation::Block`: `$[[ <access> | <fn1> | <fn2> | <fn3> ]]`. */
export const MAX_FUNCTIONS = 3
const SKIP_INTERPOLATION_CONTEXTS = ['matrix']

export type BlockResult = { ok: true; value: unknown } | { ok: false; errors: SpecError[] }

export interface BlockContext extends FunctionContext {
  /** `{ inputs: {...}, component: {...} }` */
  data: Record<string, unknown>
}

export function evaluateBlock(block: string, data: string, context: BlockContext): BlockResult {
  const { access, functions } = splitBlockData(data)
  // `matrix.*` is left verbatim for `needs:parallel:matrix`, which interpolates it later.
  if (SKIP_INTERPOLATION_CONTEXTS.includes(rubySplit(access, '.')[0] ?? '')) return { ok: true, value: block }
  const accessed = evaluateAccess(access, context.data)
  if (!accessed.ok) return accessed
  if (functions.length > MAX_FUNCTIONS) {
    return {
      ok: false,
      errors: [specError('TOO_MANY_FUNCTIONS', 'too many functions in interpolation block')],
    }
  }
  return runFunctions(functions, accessed.value, context)
}
