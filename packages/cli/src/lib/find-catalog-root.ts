import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The catalog a command works on: the nearest directory at or above `cwd` with a `templates/` folder and a
 * `package.json` (so `catalog validate` works from any subdirectory), or `cwd` itself when there is none.
 */
export function findCatalogRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    const templates = join(dir, 'templates')
    if (existsSync(join(dir, 'package.json')) && existsSync(templates) && statSync(templates).isDirectory()) {
      return dir
    }
    if (dirname(dir) === dir) return cwd
  }
}
