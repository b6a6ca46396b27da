import { type SpecError, specError } from './errors.js'
import { isValidExpression } from './expression/evaluate-expression.js'
import { isBlank, isPlainObject, rubyToS } from './util-ruby.js'

/**
 * `Header::Input::Rules` (a ComposableArray of `Rules::Rule`) for `spec:inputs:<name>:rules`, GitLab 18.11.
 * Messages are `"#{location} #{error}".downcase`, then `Rules#errors` rewrites
 * `header:spec:inputs:<name>:rules:rule [base |config ]<msg>` into `` `<name>` input: <msg> `` with a `\w+` name
 * (so a hyphenated name is only partly rewritten, as in GitLab).
 */
const RULE_KEYS = ['if', 'options', 'default']
export const RULE_OPTIONS_LIMIT = 50
const REWRITE = /(?:header:spec:inputs:)?(\w+):rules:rule (?:base |config )?([^\n]+)/g

function ruleMessages(rule: unknown): string[] {
  const messages: string[] = []
  if (isBlank(rule)) messages.push("config can't be blank")
  if (!isPlainObject(rule)) {
    messages.push('config should be a hash')
    return messages
  }
  const unknown = Object.keys(rule).filter((key) => !RULE_KEYS.includes(key))
  if (unknown.length > 0) messages.push(`config contains unknown keys: ${unknown.join(', ')}`)
  if (rule.if !== undefined && rule.if !== null && !isValidExpression(rule.if)) {
    messages.push('if Invalid expression syntax')
  }
  const options = rule.options
  if (options !== undefined && options !== null && !Array.isArray(options))
    messages.push('options should be an array')
  if (messages.length > 0) return messages

  if (Array.isArray(options) && options.length > RULE_OPTIONS_LIMIT) {
    messages.push(`config cannot define more than ${RULE_OPTIONS_LIMIT} options`)
  }
  const hasDefault = Object.hasOwn(rule, 'default')
  const hasOptions = Array.isArray(options) && options.length > 0
  if (!hasDefault) messages.push("base rule must define 'options' with at least one value and a 'default'")
  if (hasDefault && hasOptions && !(options as unknown[]).some((option) => option === rule.default)) {
    messages.push(`base default '${rubyToS(rule.default)}' must be one of the options`)
  }
  return messages
}

export function validateInputRules(name: string, rules: unknown): SpecError[] {
  if (rules === null || rules === undefined) return []
  const location = `header:spec:inputs:${name}:rules`
  const messages: string[] = []
  if (!Array.isArray(rules)) messages.push(`${location} config should be an array`)
  else {
    for (const rule of rules) {
      for (const message of ruleMessages(rule)) {
        messages.push(
          message.startsWith('base ')
            ? `${location}:rule ${message.slice(5)}`
            : `${location}:rule ${message}`,
        )
      }
    }
  }
  return messages.map((message) =>
    specError(
      'HEADER_INVALID',
      message
        .toLowerCase()
        .replace(REWRITE, (_match, input: string, rest: string) => `\`${input}\` input: ${rest}`),
    ),
  )
}
