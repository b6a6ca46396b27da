import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The catalog a command works on: the nearest directory at or above `cwd` with a `templates/` folder (so
 * `catalog validate` works from any subdirectory, and on a catalog that has no package.json, as most GitLab
 * catalogs have none), or `cwd` itself when there is none.
 */
export function findCatalogRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const templates = join(dir, 'templates')
    if (existsSync(templates) && statSync(templates).isDirectory()) {
      return dir
    }
    if (dirname(dir) === dir) return cwd
  }
}
