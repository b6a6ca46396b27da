import { type Dirent, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { CatalogProblem } from '@catalog/types'
import { describeFileType, linkProblem } from './read-catalog-file.js'

/** A name as bytes, shown with every byte that is not part of valid UTF-8 as `\xNN`. */
function showName(name: Buffer): string {
  let shown = ''
  for (let i = 0; i < name.length; ) {
    let end = i + 1
    while (end < name.length && (name[end] as number) >= 0x80 && (name[end] as number) < 0xc0) end++
    const piece = name.subarray(i, end)
    const text = piece.toString('utf8')
    shown += Buffer.from(text, 'utf8').equals(piece)
      ? text
      : [...piece].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('')
    i = end
  }
  return shown
}

/**
 * The regular files under `dir` (repository-relative, `/`-separated, sorted), and every entry that cannot be one:
 * symbolic links (GitLab reads a link as the path it holds, not the file it points to; and a link can loop),
 * names that are not UTF-8, FIFOs, sockets, devices, and folders that cannot be listed. Never follows a link, so
 * it always ends.
 */
export function walkTree(root: string, dir: string): { files: string[]; problems: CatalogProblem[] } {
  const files: string[] = []
  const problems: CatalogProblem[] = []
  const visit = (relative: string) => {
    let entries: Dirent<Buffer>[]
    try {
      entries = readdirSync(join(root, relative), { withFileTypes: true, encoding: 'buffer' })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' && relative === dir) return
      problems.push({ file: relative, message: `cannot be listed (${code ?? (error as Error).message})` })
      return
    }
    const named = entries.map((entry) => ({ entry, name: entry.name.toString('utf8') }))
    for (const { entry, name } of named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!Buffer.from(name, 'utf8').equals(entry.name)) {
        problems.push({
          file: `${relative}/${showName(entry.name)}`,
          message: 'the name is not valid UTF-8: rename it',
        })
        continue
      }
      const path = `${relative}/${name}`
      if (entry.isSymbolicLink()) {
        problems.push({ file: path, message: linkProblem(join(root, path)) })
      } else if (entry.isDirectory()) {
        visit(path)
      } else if (entry.isFile()) {
        files.push(path)
      } else {
        problems.push({
          file: path,
          message: `is ${describeFileType(lstatSync(join(root, path)))}, not a regular file`,
        })
      }
    }
  }
  try {
    const stats = lstatSync(join(root, dir))
    if (stats.isSymbolicLink()) {
      problems.push({ file: dir, message: linkProblem(join(root, dir)) })
      return { files, problems }
    }
  } catch {
    return { files, problems }
  }
  visit(dir)
  return { files, problems }
}
