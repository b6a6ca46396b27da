import type { Catalog } from '@catalog/types'
import { UserError } from '../errors.js'

/**
 * Refuses a catalog with files that cannot be read (links, FIFOs, devices, names or text that are not UTF-8, no
 * permission), naming the first in one line; `catalog validate` lists them all.
 */
export function refuseUnreadable(catalog: Pick<Catalog, 'problems'>): void {
  const [first, ...rest] = catalog.problems
  if (!first) return
  const more = rest.length > 0 ? ` (and ${rest.length} more; \`catalog validate\` lists them)` : ''
  throw new UserError(`${first.file}: ${first.message}${more}`)
}
