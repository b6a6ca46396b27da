import { isMap, isSeq, type Node } from 'yaml'

function segmentsOf(pointer: string): string[] {
  if (!pointer) return []
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/**
 * Finds the template node behind a JSON pointer into the rendered configuration. Rendering keeps the order of
 * keys and items, so the walk goes by position; it stops at the deepest node it can match.
 */
export function locateRendered(
  root: Node | null | undefined,
  rendered: unknown,
  pointer: string,
): number | undefined {
  let node: unknown = root
  let value: unknown = rendered
  let offset = (root as Node | undefined)?.range?.[0]
  for (const segment of segmentsOf(pointer)) {
    if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
      const index = Object.keys(value).indexOf(segment)
      const pair = node.items[index]
      if (!pair) break
      offset = (pair.key as Node | null)?.range?.[0] ?? offset
      node = pair.value
      value = (value as Record<string, unknown>)[segment]
    } else if (isSeq(node) && Array.isArray(value)) {
      const item = node.items[Number(segment)] as Node | undefined
      if (!item) break
      offset = item.range?.[0] ?? offset
      node = item
      value = value[Number(segment)]
    } else {
      break
    }
  }
  return offset
}
