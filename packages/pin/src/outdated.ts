import { isNewer } from '@catalog/versions'
import { type CatalogTag, type ResolveOptions, releases, resolveReference } from './resolve-reference.js'

export type OutdatedEntry<R extends { ref: string }> = {
  reference: R
  /** The reference as written. */
  current: string
  /** The newest release overall (pre-releases only when asked); null when the catalog has none. */
  latest: string | null
} & (
  | {
      ok: true
      /** The version tag the reference resolves to now. */
      resolved: string
      /** A newer release than `resolved` exists. */
      outdated: boolean
      /** `latest` has a higher major version than `resolved`. */
      major: boolean
    }
  | { ok: false; error: string }
)

/** For each reference: what it resolves to now, the newest release, and whether moving there is a major jump. */
export function outdated<R extends { ref: string }>(
  references: R[],
  tags: CatalogTag[],
  options: ResolveOptions = {},
): OutdatedEntry<R>[] {
  const newest = releases(tags, options)[0] ?? null
  return references.map((reference) => {
    const latest = newest?.tag ?? null
    const resolution = resolveReference(reference.ref, tags, options)
    if (!resolution.ok)
      return { reference, current: reference.ref, latest, ok: false, error: resolution.message }
    const { version } = resolution
    const isOutdated = newest !== null && isNewer(newest, version)
    return {
      reference,
      current: reference.ref,
      latest,
      ok: true,
      resolved: version.tag,
      outdated: isOutdated,
      major: isOutdated && newest !== null && newest.major > version.major,
    }
  })
}
