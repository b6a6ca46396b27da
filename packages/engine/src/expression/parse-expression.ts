import { compileRe2 } from '../util-re2.js'

/**
 * `Gitlab::Ci::Pipeline::Expression` as `spec:inputs:rules:if` uses it (GitLab 18.11): the Lexer (at most 100
 * tokens, lexemes tried in a fixed order), the shunting-yard Parser and the lexeme classes. Errors are data:
 * `null` stands for any `ExpressionError`.
 */
export type ExpressionNode =
  | { kind: 'string'; value: string }
  | { kind: 'pattern'; source: string; flags: string }
  | { kind: 'null' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'variable'; name: string }
  | { kind: 'input'; name: string }
  | { kind: 'not'; operand: ExpressionNode }
  | {
      kind: 'equals' | 'not_equals' | 'matches' | 'not_matches' | 'and' | 'or'
      left: ExpressionNode
      right: ExpressionNode
    }

type BinaryKind = 'equals' | 'not_equals' | 'matches' | 'not_matches' | 'and' | 'or'

type Token =
  | { type: 'value'; node: ExpressionNode | null }
  | { type: 'logical'; kind: BinaryKind; precedence: number }
  | { type: 'unary'; precedence: number }
  | { type: 'open'; precedence: number }
  | { type: 'close'; precedence: number }

export const MAX_TOKENS = 100

/** `Lexeme::Pattern`: `/.../flags`, `\/` inside unescaped; valid only if RE2 compiles it (`RubySyntax.valid?`). */
export function patternNode(text: string): ExpressionNode | null {
  const value = text.replace(/\\\//g, '/')
  const match = /^\/(.*)\/([ismU]*)$/s.exec(value)
  if (!match) return null
  const [, source = '', flags = ''] = match
  if (!compileRe2(flags ? `(?${flags})${source}` : source).ok) return null
  return { kind: 'pattern', source, flags }
}

const LEXEMES: { pattern: RegExp; token: (match: RegExpExecArray) => Token }[] = [
  { pattern: /\(/y, token: () => ({ type: 'open', precedence: 901 }) },
  { pattern: /\)/y, token: () => ({ type: 'close', precedence: 900 }) },
  {
    pattern: /\$\[\[[ \t\r\n\f\v]*inputs\.([A-Za-z0-9_-]+)[ \t\r\n\f\v]*\]\]/y,
    token: (m) => ({ type: 'value', node: { kind: 'input', name: m[1] as string } }),
  },
  {
    pattern: /\$([A-Za-z0-9_]+)/y,
    token: (m) => ({ type: 'value', node: { kind: 'variable', name: m[1] as string } }),
  },
  {
    pattern: /"([^\n]*?)"|'([^\n]*?)'/y,
    token: (m) => ({ type: 'value', node: { kind: 'string', value: (m[1] ?? m[2]) as string } }),
  },
  { pattern: /\/(?:[^/]|\\\/)+[^\\]\/[ismU]*/y, token: (m) => ({ type: 'value', node: patternNode(m[0]) }) },
  { pattern: /null/y, token: () => ({ type: 'value', node: { kind: 'null' } }) },
  {
    pattern: /\b(?:true|false)\b/y,
    token: (m) => ({ type: 'value', node: { kind: 'boolean', value: m[0] === 'true' } }),
  },
  { pattern: /==/y, token: () => ({ type: 'logical', kind: 'equals', precedence: 10 }) },
  { pattern: /=~/y, token: () => ({ type: 'logical', kind: 'matches', precedence: 10 }) },
  { pattern: /!=/y, token: () => ({ type: 'logical', kind: 'not_equals', precedence: 10 }) },
  { pattern: /!~/y, token: () => ({ type: 'logical', kind: 'not_matches', precedence: 10 }) },
  { pattern: /&&/y, token: () => ({ type: 'logical', kind: 'and', precedence: 11 }) },
  { pattern: /\|\|/y, token: () => ({ type: 'logical', kind: 'or', precedence: 12 }) },
  { pattern: /!/y, token: () => ({ type: 'unary', precedence: 1 }) },
]

function tokenize(statement: string): Token[] | null {
  const tokens: Token[] = []
  let position = 0
  for (let count = 0; count < MAX_TOKENS; count++) {
    const whitespace = /[ \t\r\n\f\v]+/y
    whitespace.lastIndex = position
    if (whitespace.exec(statement)) position = whitespace.lastIndex
    if (position >= statement.length) return tokens
    let matched = false
    for (const lexeme of LEXEMES) {
      lexeme.pattern.lastIndex = position
      const match = lexeme.pattern.exec(statement)
      if (match && match[0] !== '') {
        tokens.push(lexeme.token(match))
        position = lexeme.pattern.lastIndex
        matched = true
        break
      }
    }
    if (!matched) return null // 'Unknown lexeme found!'
  }
  return null // 'Too many tokens!'
}

function consumes(token: { precedence: number }, top: Token | undefined): boolean {
  return top !== undefined && 'precedence' in top && token.precedence >= top.precedence
}

/** `Parser#tokens_rpn` and `Parser#tree`. */
function buildTree(tokens: Token[]): ExpressionNode | null {
  const output: Token[] = []
  const operators: Token[] = []
  for (const token of tokens) {
    if (token.type === 'value') output.push(token)
    else if (token.type === 'logical') {
      while (consumes(token, operators[operators.length - 1])) output.push(operators.pop() as Token)
      operators.push(token)
    } else if (token.type === 'open' || token.type === 'unary') operators.push(token)
    else {
      while (consumes(token, operators[operators.length - 1])) output.push(operators.pop() as Token)
      const top = operators[operators.length - 1]
      if (!top) return null // 'Unmatched parenthesis'
      if (top.type === 'open') operators.pop()
    }
  }
  output.push(...operators.reverse())
  const results: ExpressionNode[] = []
  for (const token of output) {
    if (token.type === 'value') {
      if (!token.node) return null // an invalid pattern raises when built
      results.push(token.node)
    } else if (token.type === 'unary') {
      const operand = results.pop()
      if (!operand) return null
      results.push({ kind: 'not', operand })
    } else if (token.type === 'logical') {
      const right = results.pop()
      const left = results.pop()
      if (!left || !right) return null
      results.push({ kind: token.kind, left, right })
    } else {
      return null // 'Unprocessable token found in parse tree'
    }
  }
  return results.length === 1 ? (results[0] as ExpressionNode) : null
}

export function parseExpression(statement: string): ExpressionNode | null {
  const tokens = tokenize(statement)
  if (!tokens || tokens.length === 0) return null
  return buildTree(tokens)
}
