import type { Level } from '@catalog/versions'

/** How much a release changes the catalog for its users, smallest first. */
export type { Level }
export type LevelOrNone = Level | 'none'

const ORDER: Record<LevelOrNone, number> = { none: 0, patch: 1, minor: 2, major: 3 }

/** The larger of two levels. */
export function maxLevel(a: LevelOrNone, b: LevelOrNone): LevelOrNone {
  return ORDER[a] >= ORDER[b] ? a : b
}

/** Whether `a` asks for less than `b`. */
export function levelBelow(a: LevelOrNone, b: LevelOrNone): boolean {
  return ORDER[a] < ORDER[b]
}

/** One component template, as found in the repository: `templates/<name>/template.yml` text. */
export interface ComponentSource {
  name: string
  source: string
}

/** Why a change needs at least `level`: `kaniko: input \`cache_ttl\` was removed`. */
export interface Reason {
  level: Level
  component: string
  message: string
}
