import { type ErrorCode, type SpecError, specError } from './errors.js'
import { isTruthful } from './expression/evaluate-expression.js'
import { atLeast, type GitlabTarget } from './gitlab-version.js'
import { compileRe2 } from './util-re2.js'
import { isPlainObject, type PlainObject, rubyToS, setKey } from './util-ruby.js'

/**
 * `Gitlab::Ci::Config::Interpolation::Inputs` over `Ci::Inputs::Builder` (GitLab 18.11): inputs are checked in
 * spec order, each input reports `required`, then its default (even when a value is given), then the given value;
 * unknown arguments are reported first. From 19.0 (`lib/ci/inputs/array_input.rb` at 55eb439) array inputs take
 * `options`: every element must be one of them.
 */
export type ResolveInputsResult =
  | { ok: true; values: Record<string, unknown> }
  | { ok: false; errors: SpecError[] }

type InputKind = 'array' | 'boolean' | 'number' | 'string'
const KINDS: readonly InputKind[] = ['array', 'boolean', 'number', 'string']

/** `Builder#build_inputs!`: the first of Array, Boolean, Number, String inputs whose `matches?` accepts the spec. */
function inputKind(spec: PlainObject): InputKind | null {
  for (const kind of KINDS) {
    if (spec.type === kind) return kind
  }
  return Object.hasOwn(spec, 'type') ? null : 'string'
}

/** `Gitlab::Json.parse(value)`, keeping the value when it is not JSON. Non-strings come back unchanged. */
function parseJsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

function coerce(kind: InputKind, value: unknown): unknown {
  if (kind === 'string') return rubyToS(value)
  if (value === null || value === undefined) return null
  return parseJsonValue(value)
}

/** Ruby `==` as `Array#include?` uses it for number options. */
function rubyEquals(left: unknown, right: unknown): boolean {
  if (typeof left === 'number' && typeof right === 'number') return left === right
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
    return left === right
  return JSON.stringify(left) === JSON.stringify(right)
}

function isTruthy(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false
}

/** Ruby `Array#join(', ')`: nested arrays are joined recursively, other items by `to_s`. */
function rubyJoin(items: readonly unknown[]): string {
  return items.map((item) => (Array.isArray(item) ? rubyJoin(item) : rubyToS(item))).join(', ')
}

class Input {
  readonly errors: SpecError[] = []
  /** `BaseInput#rules`: the rules array when `rules:` is given (18.7+), else null. */
  private readonly rules: PlainObject[] | null

  constructor(
    readonly name: string,
    readonly kind: InputKind,
    private readonly spec: PlainObject,
    private readonly target: GitlabTarget,
  ) {
    this.rules = Array.isArray(spec.rules) ? (spec.rules.filter(isPlainObject) as PlainObject[]) : null
  }

  /** No `default` key, and no rule with a `default` key. */
  get required(): boolean {
    const throughRules = this.rules?.some((rule) => Object.hasOwn(rule, 'default')) ?? false
    return !(Object.hasOwn(this.spec, 'default') || throughRules)
  }

  /** `RulesEvaluator#matching_rule`: the first rule without `if`, or whose `if` is truthful. */
  private matchingRule(context: PlainObject): PlainObject | undefined {
    return this.rules?.find((rule) => {
      const condition = rule.if
      if (condition === null || condition === undefined || condition === false) return true
      return typeof condition === 'string' && isTruthful(condition, context)
    })
  }

  private resolvedDefault(context: PlainObject): unknown {
    if (!this.rules) return this.spec.default
    const value = this.matchingRule(context)?.default
    return value === null || value === undefined ? this.spec.default : value
  }

  private allowedOptions(context: PlainObject): unknown {
    if (!this.rules) return this.spec.options
    const options = this.matchingRule(context)?.options
    return isTruthy(options) ? options : this.spec.options
  }

  /** With rules, an empty string counts as not given. */
  private normalise(param: unknown): unknown {
    return param === '' && this.rules ? null : param
  }

  validateParam(rawParam: unknown, context: PlainObject): void {
    const param = this.normalise(rawParam)
    if (this.required && (param === null || param === undefined)) {
      this.error('INPUT_REQUIRED', 'required value has not been provided')
      return
    }
    const defaultValue = this.resolvedDefault(context)
    if (!this.required && defaultValue !== null && defaultValue !== undefined) {
      this.runValidations(defaultValue, true, context)
    }
    if (param !== null && param !== undefined) this.runValidations(param, false, context)
  }

  actualValue(rawParam: unknown, context: PlainObject): unknown {
    const param = this.normalise(rawParam)
    return coerce(this.kind, param === null || param === undefined ? this.resolvedDefault(context) : param)
  }

  private runValidations(raw: unknown, isDefault: boolean, context: PlainObject): void {
    const value = coerce(this.kind, raw)
    const which = isDefault ? 'default' : 'provided'
    const arrayOptions = atLeast(this.target, '19.0')
    const optionKinds: InputKind[] = arrayOptions ? ['string', 'number', 'array'] : ['string', 'number']
    const options = optionKinds.includes(this.kind) ? this.allowedOptions(context) : this.spec.options
    const optionsNotAllowed = arrayOptions
      ? 'Options can only be used with string, number, and array inputs'
      : 'Options can only be used with string and number inputs'
    switch (this.kind) {
      case 'string':
        if (isTruthy(options) && Array.isArray(options) && !options.map(rubyToS).includes(value as string)) {
          this.error(
            'INPUT_NOT_IN_OPTIONS',
            `\`${value}\` cannot be used because it is not in the list of allowed options`,
          )
        }
        if (Object.hasOwn(this.spec, 'regex')) {
          const compiled = typeof this.spec.regex === 'string' ? compileRe2(this.spec.regex) : null
          if (!compiled?.ok) this.error('INPUT_REGEX_INVALID', 'invalid regular expression')
          else if (!compiled.regex.test(value as string)) {
            this.error('INPUT_REGEX_MISMATCH', `${which} value does not match required RegEx pattern`)
          }
        }
        return
      case 'number':
        if (typeof value !== 'number') this.error('INPUT_TYPE_MISMATCH', `${which} value is not a number`)
        if (isTruthy(options) && isTruthy(value) && Array.isArray(options)) {
          if (!options.some((option) => rubyEquals(option, value))) {
            this.error(
              'INPUT_NOT_IN_OPTIONS',
              `\`${rubyToS(value)}\` cannot be used because it is not in the list of the allowed options`,
            )
          }
        }
        break
      case 'boolean':
        if (value !== true && value !== false)
          this.error('INPUT_TYPE_MISMATCH', `${which} value is not a boolean`)
        if (isTruthy(options)) this.error('INPUT_OPTIONS_NOT_ALLOWED', optionsNotAllowed)
        break
      case 'array':
        if (!Array.isArray(value)) this.error('INPUT_TYPE_MISMATCH', `${which} value is not an array`)
        if (!arrayOptions) {
          if (isTruthy(options)) this.error('INPUT_OPTIONS_NOT_ALLOWED', optionsNotAllowed)
        } else if (isTruthy(options) && Array.isArray(options) && Array.isArray(value)) {
          // `value - allowed_options`: every element that is not an option, duplicates kept, in order.
          const invalid = value.filter((item) => !options.some((option) => rubyEquals(option, item)))
          if (invalid.length > 0) {
            this.error(
              'INPUT_NOT_IN_OPTIONS',
              `${rubyJoin(invalid)} cannot be used because it is not in the list of allowed options`,
            )
          }
        }
        break
    }
    if (Object.hasOwn(this.spec, 'regex')) {
      this.error('INPUT_REGEX_NOT_ALLOWED', 'RegEx validation can only be used with string inputs')
    }
  }

  private error(code: ErrorCode, message: string): void {
    this.errors.push(specError(code, `\`${this.name}\` input: ${message}`))
  }
}

export function resolveInputs(
  specs: Record<string, PlainObject>,
  params: PlainObject,
  target: GitlabTarget,
): ResolveInputsResult {
  const buildErrors: SpecError[] = []
  const inputs: Input[] = []
  for (const [name, spec] of Object.entries(specs)) {
    const kind = isPlainObject(spec) ? inputKind(spec) : null
    if (!kind) {
      buildErrors.push(
        specError(
          'INPUT_SPEC_UNKNOWN_TYPE',
          `unknown input specification for \`${name}\` (valid types: array, boolean, number, string)`,
        ),
      )
      continue
    }
    inputs.push(new Input(name, kind, spec, target))
  }
  const values: Record<string, unknown> = {}
  for (const input of inputs) {
    // `Builder#validate_input_params!`: rules see the given params merged with the inputs resolved so far.
    const context = { ...params, ...values }
    const param = Object.hasOwn(params, input.name) ? params[input.name] : undefined
    input.validateParam(param, context)
    setKey(values, input.name, input.actualValue(param, context))
  }
  const names = new Set(inputs.map((input) => input.name))
  const unknown = Object.keys(params).filter((name) => !names.has(name))
  const errors = [
    ...(unknown.length > 0
      ? [specError('INPUT_UNKNOWN', `unknown input arguments: ${unknown.join(', ')}`)]
      : []),
    ...buildErrors,
    ...inputs.flatMap((input) => input.errors),
  ]
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values }
}
