import { createHash } from 'node:crypto'
import { type Dirent, lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Every entry under `root` (links not followed, `.git` skipped): path → kind and content hash, so a test can show a
 * command changed nothing. FIFOs and devices are listed, never opened.
 */
export function treeSnapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {}
  const visit = (dir: string) => {
    let list: Dirent<Buffer>[]
    try {
      list = readdirSync(join(root, dir), { withFileTypes: true, encoding: 'buffer' })
    } catch (error) {
      entries[dir] = `unlistable ${(error as NodeJS.ErrnoException).code}`
      return
    }
    for (const entry of list) {
      const name = entry.name.toString('latin1')
      const path = dir === '' ? name : `${dir}/${name}`
      if (path === '.git') continue
      const absolute = Buffer.concat([Buffer.from(`${join(root, dir)}/`), entry.name])
      const stats = lstatSync(absolute)
      if (stats.isSymbolicLink()) entries[path] = `link ${readlinkSync(absolute, 'latin1')}`
      else if (stats.isDirectory()) visit(path)
      else if (stats.isFile()) {
        let hash: string
        try {
          hash = createHash('sha256').update(readFileSync(absolute)).digest('hex').slice(0, 16)
        } catch (error) {
          hash = `unreadable ${(error as NodeJS.ErrnoException).code}`
        }
        entries[path] = `file ${(stats.mode & 0o777).toString(8)} ${hash}`
      } else entries[path] = 'special'
    }
  }
  visit('')
  return entries
}
