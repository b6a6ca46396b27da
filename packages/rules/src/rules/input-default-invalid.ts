import { compileRe2 } from '@catalog/engine'
import type { RuleContext } from '../context.js'
import { inputFieldOffset } from '../util-blocks.js'

/**
 * GitLab 18.x coerces a default before checking its type (`Ci::Inputs::BaseInput#coerced_value`): a string default
 * of a number, boolean or array input is JSON-parsed first, so `default: "false"` is a boolean, as render has it.
 */
function coerced(type: string, value: unknown): unknown {
  if (type === 'string' || typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

function typeProblem(type: string, value: unknown): string | null {
  if (type === 'number' && typeof value !== 'number') return 'is not a number'
  if (type === 'boolean' && typeof value !== 'boolean') return 'is not a boolean'
  if (type === 'array' && !Array.isArray(value)) return 'is not an array'
  return null
}

/** A default satisfies its own input's type, options and regex (GitLab checks defaults on every include). */
export function inputDefaultInvalid(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const [name, input] of Object.entries(analysis.spec?.inputs ?? {})) {
      if (!input.hasDefault || input.default === null || input.default === undefined) continue
      const value = coerced(input.type, input.default)
      const problems: string[] = []
      const wrongType = typeProblem(input.type, value)
      if (wrongType) problems.push(`${wrongType} (type: ${input.type})`)
      if (Array.isArray(input.options) && !wrongType) {
        const options = input.options.map(String)
        const values = Array.isArray(value) ? value.map(String) : [String(value)]
        const missing = values.filter((item) => !options.includes(item))
        if (missing.length > 0) {
          problems.push(
            `has ${missing.map((item) => `\`${item}\``).join(', ')} outside its options [${options.join(', ')}]`,
          )
        }
      }
      if (typeof input.regex === 'string' && input.type === 'string') {
        const compiled = compileRe2(input.regex)
        if (compiled.ok && !compiled.regex.matcher(String(value)).find()) {
          problems.push(`does not match its regex \`${input.regex}\``)
        }
      }
      if (problems.length === 0) continue
      ctx.reportAt(
        'input-default-invalid',
        analysis.component.file,
        analysis.component.source,
        inputFieldOffset(analysis, name, 'default'),
        `the default of input \`${name}\` (${JSON.stringify(value)}) ${problems.join(' and ')}; GitLab rejects every include that relies on it. Change the default or the constraint.`,
      )
    }
  }
}
