import { RE2JS } from 're2js'

/** `Gitlab::UntrustedRegexp`: RE2 syntax, unanchored search. `null` when the pattern does not compile. */
const cache = new Map<string, RE2JS | null>()

export function compileRe2(pattern: string): RE2JS | null {
  let compiled = cache.get(pattern)
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern)
    } catch {
      compiled = null
    }
    if (cache.size > 1000) cache.clear()
    cache.set(pattern, compiled)
  }
  return compiled
}
