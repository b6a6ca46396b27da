import { compileRe2 } from '../util-re2.js'
import { isPlainObject, rubyToS } from '../util-ruby.js'
import { type ExpressionNode, parseExpression, patternNode } from './parse-expression.js'

/**
 * Evaluates a parsed `rules:if` expression with `Statement.new(expr, inputs: current_inputs)`. `$VARIABLES` are
 * nil there (the only variable is the `inputs` hash); a job's `rules:if` passes the pipeline's variables instead,
 * where an undefined one is nil. Runtime errors (`ExpressionError`) come back as `{ ok: false }`.
 */
type Value = { ok: true; value: unknown } | { ok: false }

class Regex {
  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}
}

/** Ruby/ActiveSupport `present?`. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false
  if (typeof value === 'string')
    return !/^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(value)
  if (Array.isArray(value)) return value.length > 0
  if (isPlainObject(value)) return Object.keys(value).length > 0
  return true
}

function rubyEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (typeof left === 'object' && typeof right === 'object' && left !== null && right !== null) {
    return JSON.stringify(left) === JSON.stringify(right)
  }
  return false
}

function evaluate(
  node: ExpressionNode,
  inputs: Record<string, unknown>,
  variables: Record<string, string> = {},
): Value {
  switch (node.kind) {
    case 'string':
      return { ok: true, value: node.value }
    case 'null':
      return { ok: true, value: null }
    case 'boolean':
      return { ok: true, value: node.value }
    case 'variable':
      return { ok: true, value: Object.hasOwn(variables, node.name) ? variables[node.name] : null }
    case 'input':
      return { ok: true, value: Object.hasOwn(inputs, node.name) ? (inputs[node.name] ?? null) : null }
    case 'pattern':
      return { ok: true, value: new Regex(node.source, node.flags) }
    case 'not': {
      const operand = evaluate(node.operand, inputs, variables)
      return operand.ok ? { ok: true, value: !isPresent(operand.value) } : operand
    }
    case 'and':
    case 'or': {
      const left = evaluate(node.left, inputs, variables)
      if (!left.ok) return left
      const truthy = left.value !== null && left.value !== undefined && left.value !== false
      if (node.kind === 'and' ? !truthy : truthy) return left
      return evaluate(node.right, inputs, variables)
    }
    case 'equals':
    case 'not_equals': {
      const left = evaluate(node.left, inputs, variables)
      const right = evaluate(node.right, inputs, variables)
      if (!left.ok || !right.ok) return { ok: false }
      const equal = rubyEqual(left.value, right.value)
      return { ok: true, value: node.kind === 'equals' ? equal : !equal }
    }
    case 'matches':
    case 'not_matches': {
      const left = evaluate(node.left, inputs, variables)
      const right = evaluate(node.right, inputs, variables)
      if (!left.ok || !right.ok) return { ok: false }
      let regexp = right.value
      if (regexp === null || regexp === undefined || regexp === false) {
        return { ok: true, value: node.kind === 'not_matches' }
      }
      // `Lexeme::Pattern.build_and_evaluate`: a string operand is read as `/.../flags`.
      if (typeof regexp === 'string') {
        const built = patternNode(regexp)
        if (built?.kind !== 'pattern') return { ok: false }
        regexp = new Regex(built.source, built.flags)
      }
      if (!(regexp instanceof Regex)) return { ok: false }
      const compiled = compileRe2(regexp.flags ? `(?${regexp.flags})${regexp.source}` : regexp.source)
      if (!compiled.ok) return { ok: false }
      const matched = compiled.regex.test(rubyToS(left.value))
      return { ok: true, value: node.kind === 'matches' ? matched : !matched }
    }
  }
}

/** `Statement#valid?`: parses, and evaluates without inputs, without an `ExpressionError`. */
export function isValidExpression(statement: unknown): boolean {
  if (typeof statement !== 'string') return false
  const tree = parseExpression(statement)
  return tree !== null && evaluate(tree, {}).ok
}

/** `Statement#truthful?`: `evaluate.present?`, false on any expression error. */
export function isTruthful(
  statement: string,
  inputs: Record<string, unknown>,
  variables: Record<string, string> = {},
): boolean {
  const tree = parseExpression(statement)
  if (!tree) return false
  const result = evaluate(tree, inputs, variables)
  return result.ok && isPresent(result.value)
}

/**
 * A job's `rules:if` against the pipeline's variables (`Gitlab::Ci::Build::Rules::Rule::Clause::If`): an
 * undefined variable is nil, a defined one its string value; the statement matches when the result is present.
 */
export function isRulesIfTruthful(statement: string, variables: Record<string, string>): boolean {
  return isTruthful(statement, {}, variables)
}
