import { RE2JS } from 're2js'

export type CompiledRe2 = { ok: true; regex: RE2JS } | { ok: false; error: string }

const cache = new Map<string, CompiledRe2>()

/**
 * Compiles a pattern as `Gitlab::UntrustedRegexp` does (RE2 syntax; callers search unanchored), or says why it
 * does not compile. Results are cached: the same patterns are compiled for every input value.
 */
export function compileRe2(pattern: string): CompiledRe2 {
  let compiled = cache.get(pattern)
  if (compiled === undefined) {
    try {
      compiled = { ok: true, regex: RE2JS.compile(pattern) }
    } catch (error) {
      compiled = { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    if (cache.size > 1000) cache.clear()
    cache.set(pattern, compiled)
  }
  return compiled
}
