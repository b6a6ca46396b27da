import { type InterpolationFunction, invalidInputType } from './function.js'

/**
 * `expand_vars`: `ExpandVariables.expand_existing(value, variables, fail_on_masked: true)`. `$VAR`, `${VAR}` and
 * `%VAR%` are replaced once (no nested expansion); unknown variables are kept; a masked one is an error.
 */
const VARIABLES = /\$([a-zA-Z_][a-zA-Z0-9_]*)|\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}|%([a-zA-Z_][a-zA-Z0-9_]*)%/g

export const expandVars: InterpolationFunction = {
  name: 'expand_vars',
  pattern: /^expand_vars$/,
  execute(_args, value, context) {
    if (typeof value !== 'string') return invalidInputType('expand_vars')
    let masked = false
    const expanded = value.replace(VARIABLES, (match, plain?: string, braced?: string, percent?: string) => {
      const name = (plain ?? braced ?? percent) as string
      if (!Object.hasOwn(context.variables, name)) return match
      const variable = context.variables[name]
      if (typeof variable === 'string') return variable
      if (variable?.masked) masked = true
      return variable?.value ?? match
    })
    if (masked) return { ok: false, message: 'variable expansion error: masked variables cannot be expanded' }
    return { ok: true, value: expanded }
  },
}
