import { type ErrorCode, type SpecError, specError } from '../errors.js'
import { utf8ByteLength } from '../util-bytes.js'
import { isPlainObject, rubySplitLimit } from '../util-ruby.js'

/** `Interpolation::Access` (GitLab 18.11, array index access GA). */
export const MAX_ACCESS_OBJECTS = 5
export const MAX_ACCESS_BYTESIZE = 1024
export const MAX_ACCESS_ARRAY_DEPTH = 5

const VALID_INDEXED_SEGMENT = /^([A-Za-z0-9_]*)((?:\[[0-9]+\])+)$/
const ARRAY_INDEX = /\[([0-9]+)\]/g
const ANY_BRACKET_CONTENT = /\[([^\]]*)\]/g

export type AccessResult = { ok: true; value: unknown } | { ok: false; errors: SpecError[] }

type Step = { ok: true; value: unknown } | { ok: false; error: SpecError }

function fail(code: ErrorCode, message: string): Step {
  return { ok: false, error: specError(code, message) }
}

function lookupKey(memo: unknown, key: string, content: string): Step {
  if (isPlainObject(memo) && Object.hasOwn(memo, key)) return { ok: true, value: memo[key] }
  return fail('ACCESS_UNKNOWN_KEY', `unknown interpolation provided: \`${key}\` in \`${content}\``)
}

function count(text: string, char: string): number {
  let total = 0
  for (const each of text) if (each === char) total++
  return total
}

function lookupIndexed(memo: unknown, segment: string, content: string): Step {
  const match = VALID_INDEXED_SEGMENT.exec(segment)
  if (!match) {
    if (count(segment, '[') !== count(segment, ']')) {
      return fail('ACCESS_INVALID_INDEX', `invalid array index in \`${content}\`: missing closing bracket`)
    }
    for (const [, inside = ''] of segment.matchAll(ANY_BRACKET_CONTENT)) {
      if (!/^[0-9]+$/.test(inside)) {
        return fail(
          'ACCESS_INVALID_INDEX',
          `invalid array index in \`${content}\`: \`${inside}\` is not a valid index`,
        )
      }
    }
    return fail('ACCESS_INVALID_INDEX', `invalid array index syntax in \`${content}\``)
  }
  const base = match[1] as string
  if (base === '')
    return fail('ACCESS_INVALID_INDEX', `invalid indexed access without a key in \`${content}\``)
  const indices = [...segment.matchAll(ARRAY_INDEX)].map(([, digits]) => BigInt(digits as string))
  if (indices.length > MAX_ACCESS_ARRAY_DEPTH) {
    return fail(
      'ACCESS_INVALID_INDEX',
      `too many array indices in \`${content}\` (maximum depth: ${MAX_ACCESS_ARRAY_DEPTH})`,
    )
  }
  const found = lookupKey(memo, base, content)
  if (!found.ok) return found
  let current = found.value
  for (const index of indices) {
    if (!Array.isArray(current)) {
      return fail('ACCESS_INVALID_INDEX', `cannot index into non-array value at [${index}] in \`${content}\``)
    }
    if (index >= BigInt(current.length)) {
      return fail(
        'ACCESS_INVALID_INDEX',
        `array index ${index} out of bounds (size: ${current.length}) in \`${content}\``,
      )
    }
    current = current[Number(index)]
  }
  return { ok: true, value: current }
}

export function evaluateAccess(content: string, context: unknown): AccessResult {
  const objects = rubySplitLimit(content, '.', MAX_ACCESS_OBJECTS)
  const errors: SpecError[] = []
  if (objects.length <= 1) {
    errors.push(
      specError(
        'ACCESS_INVALID_PATTERN',
        'invalid pattern used for interpolation. valid pattern is $[[ inputs.input ]]',
      ),
    )
  }
  if (utf8ByteLength(content) > MAX_ACCESS_BYTESIZE) {
    errors.push(specError('ACCESS_TOO_LONG', 'maximum interpolation expression size exceeded'))
  }
  if (errors.length > 0) return { ok: false, errors }
  let memo = context
  for (const segment of objects) {
    const step = segment.includes('[')
      ? lookupIndexed(memo, segment, content)
      : lookupKey(memo, segment, content)
    if (!step.ok) return { ok: false, errors: [step.error] }
    memo = step.value
  }
  return { ok: true, value: memo }
}
