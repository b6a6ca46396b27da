import { utf8ByteLength } from './util-bytes.js'

/**
 * `Gitlab::Utils::DeepSize` with `max_size: max_yaml_size_bytes`: the sum of `ObjectSpace.memsize_of` over every
 * object reached (shared objects count each time they are reached, so "billion laughs" aliases are too big).
 * Ruby's sizes are estimated for 64-bit Ruby 3.3: 40-byte slots, strings over 23 bytes allocate their bytes,
 * arrays over 3 items 8 bytes per item, hashes 160 bytes up to 8 entries; integers, floats, booleans and nil 0.
 */
export const MAX_YAML_SIZE_BYTES = 2 * 1024 * 1024

function memsize(value: unknown): number {
  if (typeof value === 'string') {
    const bytes = utf8ByteLength(value)
    return bytes > 23 ? 40 + bytes + 1 : 40
  }
  if (Array.isArray(value)) return value.length > 3 ? 40 + 8 * value.length : 40
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value).length
    if (entries === 0) return 40
    return entries <= 8 ? 160 : 40 + 16 * 2 ** Math.ceil(Math.log2(entries)) + 8 * entries
  }
  return 0
}

export function exceedsDeepSize(root: unknown, maxBytes = MAX_YAML_SIZE_BYTES): boolean {
  let size = 0
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const value = stack.pop()
    size += memsize(value)
    if (size > maxBytes) return true
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i])
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) stack.push(item, key)
    }
  }
  return false
}
