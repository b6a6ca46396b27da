import type { ChangelogGroup } from '@catalog/versions'
import type { Changeset } from './parse-changeset.js'

/** The heading for changes that name no component. */
export const OTHER_GROUP = 'Other'

/**
 * Groups changeset texts by the component they name: the text before the first `:` when it is a component name
 * (or a comma-separated list of them, which puts the entry in each group), with that prefix removed. Anything else
 * goes to "Other". Groups follow `components` order, "Other" last; entries keep changeset order.
 */
export function groupChangesets(
  changesets: readonly Changeset[],
  components: readonly string[],
): ChangelogGroup[] {
  const known = new Set(components)
  const groups = new Map<string, string[]>()
  const add = (component: string, entry: string) => {
    const list = groups.get(component) ?? []
    list.push(entry)
    groups.set(component, list)
  }
  for (const changeset of changesets) {
    const colon = changeset.text.indexOf(':')
    const names =
      colon > 0
        ? changeset.text
            .slice(0, colon)
            .split(',')
            .map((name) => name.trim())
        : []
    const rest = changeset.text.slice(colon + 1).trim()
    if (names.length > 0 && rest !== '' && names.every((name) => known.has(name))) {
      for (const name of new Set(names)) add(name, rest)
    } else {
      add(OTHER_GROUP, changeset.text)
    }
  }
  const order = [
    ...components.filter((name) => groups.has(name)),
    ...(groups.has(OTHER_GROUP) ? [OTHER_GROUP] : []),
  ]
  return order.map((component) => ({ component, entries: groups.get(component) ?? [] }))
}
