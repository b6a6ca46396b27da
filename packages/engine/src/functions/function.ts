import type { GitlabTarget } from '../gitlab-version.js'
import type { VariableValue } from '../types.js'

/** What a function sees besides its input: the variables `expand_vars` may expand, and which GitLab renders. */
export interface FunctionContext {
  variables: Readonly<Record<string, VariableValue>>
  target: GitlabTarget
}

export type FunctionResult = { ok: true; value: unknown } | { ok: false; message: string }

/** One interpolation function (`Interpolation::Functions::Base`): a pattern and what it does to a value. */
export interface InterpolationFunction {
  name: string
  pattern: RegExp
  execute(args: RegExpExecArray, value: unknown, context: FunctionContext): FunctionResult
}

export function invalidInputType(name: string): FunctionResult {
  return { ok: false, message: `invalid input type: ${name} can only be used with string inputs` }
}
