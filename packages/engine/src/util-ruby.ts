/**
 * Ruby's `to_s`, `inspect` and `gsub` as GitLab's interpolator applies them to input values. GitLab runs Ruby 3.3,
 * so hashes inspect as `{:key=>"value"}` (keys are symbols: GitLab deep-symbolizes `include: inputs:`).
 */

export type PlainObject = Record<string, unknown>

/** A mapping as YAML or JSON produce it (not an array, not a class instance such as `YamlReference`). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** ActiveSupport's `blank?`: nil, false, an empty or whitespace-only string, an empty hash or array. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (isPlainObject(value)) return Object.keys(value).length === 0
  return false
}

/**
 * `object[key] = value` that also works for the key `__proto__` (an own data property, not the prototype), so
 * YAML keys never reach `Object.prototype` machinery.
 */
export function setKey(object: PlainObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  } else {
    object[key] = value
  }
}

/** `Hash#merge!`: `source`'s keys overwrite `target`'s, in place. */
export function mergeInto(target: PlainObject, source: PlainObject): void {
  for (const [key, value] of Object.entries(source)) setKey(target, key, value)
}

/** Ruby `String#split(separator)` without a limit: trailing empty strings are dropped. */
export function rubySplit(text: string, separator: string): string[] {
  const parts = text.split(separator)
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  return parts
}

/** Ruby `String#split(separator, limit)` with a positive limit: at most `limit` parts, empty strings kept. */
export function rubySplitLimit(text: string, separator: string, limit: number): string[] {
  if (text === '') return []
  const parts = text.split(separator)
  if (parts.length <= limit) return parts
  return [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)]
}

/** Ruby `String#strip`: ASCII whitespace and NUL. */
export function rubyStrip(text: string): string {
  return text.replace(/^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g, '')
}

export function rubyToS(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  return rubyInspect(value)
}

export function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil'
  if (typeof value === 'string') return inspectString(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') return rubyNumberToS(value)
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`
  if (isPlainObject(value)) {
    const pairs = Object.entries(value).map(([key, item]) => `${inspectSymbol(key)}=>${rubyInspect(item)}`)
    return `{${pairs.join(', ')}}`
  }
  return String(value)
}

/**
 * Integers below 1e16 print in full; other numbers as Ruby's `Float#to_s` (fixed notation for exponents -4..15,
 * otherwise `1.0e+20`). A YAML float with an integral value (`1.0`) is a JS integer here and prints as `1` (a known
 * divergence).
 */
export function rubyNumberToS(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  // Ruby Integers print in full, but JS cannot hold integers that large exactly: from 1e16 on, print as a Float.
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value)
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 16) {
    const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`
    return `${digits}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  let text: string
  if (exponent >= 0) {
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')
    text = `${whole}.${digits.slice(exponent + 1) || '0'}`
  } else {
    text = `0.${'0'.repeat(-exponent - 1)}${digits}`
  }
  return negative ? `-${text}` : text
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\f': '\\f',
  '\v': '\\v',
  '\b': '\\b',
  '\x07': '\\a',
  '\x1b': '\\e',
}

function inspectString(value: string): string {
  let out = '"'
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string
    const escaped = SIMPLE_ESCAPES[ch]
    if (escaped !== undefined) {
      out += escaped
    } else if (ch === '#' && (value[i + 1] === '{' || value[i + 1] === '$' || value[i + 1] === '@')) {
      out += '\\#'
    } else {
      const code = ch.charCodeAt(0)
      if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
      else out += ch
    }
  }
  return `${out}"`
}

function inspectSymbol(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*[?!]?$/.test(name) ? `:${name}` : `:${inspectString(name)}`
}

/**
 * `subject.gsub(pattern, replacement)` with a String pattern: every occurrence is replaced, and the replacement's
 * backslash sequences are expanded as Ruby does (`\\` → `\`, `\0`/`\&` → the match, `` \` `` → text before it,
 * `\'` → text after it, `\1`..`\9` → nothing; any other pair is kept).
 */
export function rubyGsub(subject: string, pattern: string, replacement: string): string {
  if (pattern === '') return subject
  if (!subject.includes(pattern)) return subject
  const hasEscapes = replacement.includes('\\')
  let out = ''
  let from = 0
  for (;;) {
    const at = subject.indexOf(pattern, from)
    if (at === -1) break
    out += subject.slice(from, at)
    out += hasEscapes ? expandReplacement(replacement, subject, at, pattern.length) : replacement
    from = at + pattern.length
  }
  return out + subject.slice(from)
}

function expandReplacement(replacement: string, subject: string, at: number, length: number): string {
  let out = ''
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] as string
    if (ch !== '\\' || i === replacement.length - 1) {
      out += ch
      continue
    }
    const next = replacement[i + 1] as string
    i++
    if (next === '\\') out += '\\'
    else if (next === '0' || next === '&') out += subject.slice(at, at + length)
    else if (next === '`') out += subject.slice(0, at)
    else if (next === "'") out += subject.slice(at + length)
    else if (next >= '1' && next <= '9') out += ''
    else out += `\\${next}`
  }
  return out
}
