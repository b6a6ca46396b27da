import { type SpecError, specError } from '../errors.js'
import { expandVars } from './expand-vars.js'
import type { FunctionContext, InterpolationFunction } from './function.js'
import { posixEscape } from './posix-escape.js'
import { truncate } from './truncate.js'

/** `Interpolation::FunctionsStack`: the first function whose pattern matches, in this order. */
export const FUNCTIONS: readonly InterpolationFunction[] = [truncate, expandVars, posixEscape]

export type RunFunctionsResult = { ok: true; value: unknown } | { ok: false; errors: SpecError[] }

export function runFunctions(
  expressions: readonly string[],
  value: unknown,
  context: FunctionContext,
): RunFunctionsResult {
  const stack: { fn: InterpolationFunction; args: RegExpExecArray }[] = []
  const errors: SpecError[] = []
  for (const expression of expressions) {
    let found = false
    for (const fn of FUNCTIONS) {
      const args = fn.pattern.exec(expression)
      if (args) {
        stack.push({ fn, args })
        found = true
        break
      }
    }
    if (!found) {
      errors.push(
        specError(
          'FUNCTION_UNKNOWN',
          `no function matching \`${expression}\`: check that the function name, arguments, and types are correct`,
        ),
      )
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  let current = value
  for (const { fn, args } of stack) {
    const result = fn.execute(args, current, context)
    if (!result.ok) {
      return {
        ok: false,
        errors: [specError('FUNCTION_FAILED', `error in \`${fn.name}\` function: ${result.message}`)],
      }
    }
    current = result.value
  }
  return { ok: true, value: current }
}
