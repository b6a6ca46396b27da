import { type SpecError, specError } from '../errors.js'
import { atLeast, type GitlabTarget } from '../gitlab-version.js'
import { expandVars } from './expand-vars.js'
import type { FunctionContext, InterpolationFunction } from './function.js'
import { posixEscape } from './posix-escape.js'
import { split } from './split.js'
import { truncate } from './truncate.js'

/** `Interpolation::FunctionsStack::FUNCTIONS`: the first function whose pattern matches, in this order. */
export const FUNCTIONS: readonly InterpolationFunction[] = [truncate, expandVars, posixEscape]

/** `FunctionsStack#available_functions`: `split` is appended only where its feature flag is on (19.2+). */
export function availableFunctions(target: GitlabTarget): readonly InterpolationFunction[] {
  const splitEnabled = atLeast(target, '19.2') && target.featureFlags.has('ci_interpolation_split_function')
  return splitEnabled ? [...FUNCTIONS, split] : FUNCTIONS
}

export type RunFunctionsResult = { ok: true; value: unknown } | { ok: false; errors: SpecError[] }

export function runFunctions(
  expressions: readonly string[],
  value: unknown,
  context: FunctionContext,
): RunFunctionsResult {
  const stack: { fn: InterpolationFunction; args: RegExpExecArray }[] = []
  const errors: SpecError[] = []
  const functions = availableFunctions(context.target)
  for (const [index, expression] of expressions.entries()) {
    let found = false
    for (const fn of functions) {
      const args = fn.pattern.exec(expression)
      if (args) {
        found = true
        // `build_stack`: split returns an array, which no function after it can take.
        if (fn === split && index < expressions.length - 1) {
          errors.push(
            specError(
              'FUNCTION_NOT_LAST',
              'split() must be the last function in a chain (it returns an array, not a string)',
            ),
          )
        } else stack.push({ fn, args })
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
