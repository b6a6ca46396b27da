import { type ComponentModel, type InputModel, readComponent } from './read-component.js'
import { type ComponentSource, type Level, type LevelOrNone, maxLevel, type Reason } from './types.js'

/** The bump a change of the templates requires, and every change that requires something. */
export interface BumpResult {
  level: LevelOrNone
  reasons: Reason[]
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

function compareInput(
  name: string,
  before: InputModel,
  after: InputModel,
  add: (l: Level, m: string) => void,
) {
  const input = `input \`${name}\``
  if (before.type !== after.type) add('major', `${input} changed type from ${before.type} to ${after.type}`)
  if (!before.required && after.required) add('major', `${input} lost its default and is now required`)
  if (before.required && !after.required) add('patch', `${input} now has a default (${show(after.default)})`)
  const sameType = before.type === after.type
  if (sameType && !before.required && !after.required && !same(before.default, after.default)) {
    add('patch', `${input} default changed from ${show(before.default)} to ${show(after.default)}`)
  }
  if (after.options !== undefined) {
    if (before.options === undefined) {
      add('major', `${input} now only accepts the options ${after.options.map(show).join(', ')}`)
    } else {
      const kept = new Set(after.options.map((option) => JSON.stringify(option)))
      const removed = before.options.filter((option) => !kept.has(JSON.stringify(option)))
      if (removed.length > 0)
        add('major', `${input} no longer accepts the option(s) ${removed.map(show).join(', ')}`)
      else if (!same(before.options, after.options)) add('patch', `${input} accepts more options`)
    }
  } else if (before.options !== undefined) {
    add('patch', `${input} no longer restricts its value to options`)
  }
  if (after.regex !== undefined && before.regex !== after.regex) {
    // A regex cannot cheaply be proven to accept a superset of another, so any new or changed one counts as tighter.
    add(
      'major',
      before.regex === undefined
        ? `${input} now has to match the regex ${after.regex}`
        : `${input} regex changed from ${before.regex} to ${after.regex} (treated as tightened)`,
    )
  } else if (after.regex === undefined && before.regex !== undefined) {
    add('patch', `${input} no longer has to match a regex`)
  }
  if (!same(before.rules, after.rules)) {
    // `spec:inputs:rules` switch options and defaults by condition; a change cannot be proven to only widen them.
    add('major', `${input} \`rules\` changed (treated as breaking: options or defaults may be narrower)`)
  }
  if (before.description !== after.description) add('patch', `${input} description changed`)
}

function compareJobs(before: ComponentModel, after: ComponentModel, add: (l: Level, m: string) => void) {
  // Compare like with like: rendered keys on both sides when both render with their defaults, else the raw keys.
  const rendered = before.jobs.rendered !== null && after.jobs.rendered !== null
  const old = rendered ? before.jobs.rendered : before.jobs.raw
  const now = rendered ? after.jobs.rendered : after.jobs.raw
  if (old === null || now === null) return
  for (const [key, body] of old) {
    if (!now.has(key)) add('major', `job \`${key}\` was removed`)
    else if (!same(body, now.get(key))) add('patch', `job \`${key}\` changed`)
  }
  for (const key of now.keys()) if (!old.has(key)) add('minor', `new job \`${key}\``)
}

/** The changes from one version of a component to the next, each with the bump it needs. */
export function compareComponent(name: string, beforeSource: string, afterSource: string): Reason[] {
  if (beforeSource === afterSource) return []
  const reasons: Reason[] = []
  const add = (level: Level, message: string) => reasons.push({ level, component: name, message })
  const before = readComponent(beforeSource)
  const after = readComponent(afterSource)
  if (after.error !== null) {
    add('major', `the spec cannot be read (${after.error}), so the change cannot be proven compatible`)
    return reasons
  }
  if (before.error !== null) {
    add('patch', 'the spec could not be read at the last release and can be now')
    return reasons
  }
  const removed = [...before.inputs.keys()].filter((key) => !after.inputs.has(key))
  const added = [...after.inputs.keys()].filter((key) => !before.inputs.has(key))
  const renamedTo = removed.length === 1 && added.length === 1 ? added[0] : undefined
  for (const key of removed) {
    add('major', `input \`${key}\` was removed${renamedTo ? ` (renamed to \`${renamedTo}\`?)` : ''}`)
  }
  for (const key of added) {
    const input = after.inputs.get(key)
    if (input?.required) add('major', `new required input \`${key}\` (no default)`)
    else add('minor', `new optional input \`${key}\``)
  }
  for (const [key, input] of before.inputs) {
    const now = after.inputs.get(key)
    if (now) compareInput(key, input, now, add)
  }
  compareJobs(before, after, add)
  if (reasons.length === 0) add('patch', 'template text changed (no change to inputs or jobs)')
  return reasons
}

/**
 * Compares the catalog's components at the last release (`before`) with now (`after`) and returns the bump the
 * change requires: removed/renamed input, changed type, new required input, removed or narrowed options, new or
 * changed regex, removed component or job → major; new optional input, new component or job → minor; any other
 * change → patch; identical → none. Reasons are ordered by component, most severe first.
 */
export function compareCatalogs(
  before: readonly ComponentSource[],
  after: readonly ComponentSource[],
): BumpResult {
  const reasons: Reason[] = []
  const now = new Map(after.map((component) => [component.name, component.source]))
  const old = new Map(before.map((component) => [component.name, component.source]))
  for (const [name, source] of old) {
    const current = now.get(name)
    if (current === undefined)
      reasons.push({ level: 'major', component: name, message: 'component was removed' })
    else reasons.push(...compareComponent(name, source, current))
  }
  for (const name of now.keys()) {
    if (!old.has(name)) reasons.push({ level: 'minor', component: name, message: 'new component' })
  }
  const rank = { major: 0, minor: 1, patch: 2 }
  reasons.sort((a, b) => a.component.localeCompare(b.component) || rank[a.level] - rank[b.level])
  return {
    level: reasons.reduce<LevelOrNone>((level, reason) => maxLevel(level, reason.level), 'none'),
    reasons,
  }
}

/** `kaniko: input \`cache_ttl\` was removed`. */
export function formatReason(reason: Reason): string {
  return `${reason.component}: ${reason.message}`
}
