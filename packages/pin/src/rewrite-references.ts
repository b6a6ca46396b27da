import { isPrerelease, type Version } from '@catalog/versions'
import type { ComponentReference } from './find-component-references.js'

/** How tight a pin is: the exact tag, the minor line (`1.4`) or the major line (`1`). */
export type PinLevel = 'exact' | 'minor' | 'major'

export const PIN_LEVELS: readonly PinLevel[] = ['exact', 'minor', 'major']

export interface Pin {
  reference: ComponentReference
  /** The version tag the reference resolves to now. */
  version: Version
}

export interface Rewrite {
  reference: ComponentReference
  from: string
  to: string
  note?: string
}

/**
 * The reference to write for `version` at `level`. Partial versions are digits only, as GitLab's shorthand is
 * (`v1.4` would be read as a tag name), and a pre-release stays exact because partial versions never pick one.
 */
export function pinnedReference(version: Version, level: PinLevel): { ref: string; note?: string } {
  if (level === 'exact') return { ref: version.tag }
  if (isPrerelease(version)) {
    return {
      ref: version.tag,
      note: `pre-release ${version.tag} kept exact: GitLab's partial versions never select pre-releases`,
    }
  }
  return { ref: level === 'minor' ? `${version.major}.${version.minor}` : `${version.major}` }
}

/**
 * Rewrites the `@<ref>` part of each pinned reference and nothing else: every other byte of `text` (comments,
 * quotes, blank lines, key order) is kept. References whose text already matches are left as they are.
 */
export function rewriteReferences(
  text: string,
  pins: Pin[],
  level: PinLevel,
): { text: string; rewrites: Rewrite[]; unchanged: Rewrite[] } {
  const rewrites: Rewrite[] = []
  const unchanged: Rewrite[] = []
  for (const { reference, version } of pins) {
    const { ref, note } = pinnedReference(version, level)
    const rewrite: Rewrite = { reference, from: reference.ref, to: ref, ...(note ? { note } : {}) }
    if (ref === reference.ref) {
      unchanged.push(rewrite)
      continue
    }
    const range = reference.range
    if (!range)
      throw new Error(`reference at line ${reference.line} cannot be rewritten: ${reference.unrewritable}`)
    if (text.slice(range[0], range[1]) !== reference.ref) {
      throw new Error(`reference at line ${reference.line} does not match the text it was found in`)
    }
    rewrites.push(rewrite)
  }
  let output = text
  for (const { reference, to } of [...rewrites].sort(
    (a, b) => (b.reference.range?.[0] ?? 0) - (a.reference.range?.[0] ?? 0),
  )) {
    const [start, end] = reference.range as [number, number]
    output = output.slice(0, start) + to + output.slice(end)
  }
  return { text: output, rewrites, unchanged }
}
