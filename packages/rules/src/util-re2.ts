import { RE2JS } from 're2js'

/** Compiles a pattern with RE2 semantics (GitLab's Gitlab::UntrustedRegexp); the error text when it does not. */
export function compileRe2(pattern: string): { ok: true; regex: RE2JS } | { ok: false; error: string } {
  try {
    return { ok: true, regex: RE2JS.compile(pattern) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}
