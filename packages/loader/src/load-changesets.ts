import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CatalogFileError, readCatalogFile } from './read-catalog-file.js'

/** A pending changeset as found on disk: `.changeset/<id>.md` and its text. */
export interface ChangesetFile {
  file: string
  contents: string
}

/** Whether a file under `.changeset/` is a changeset (the README is not). */
export function isChangesetFile(name: string): boolean {
  return name.endsWith('.md') && name !== 'README.md'
}

/**
 * The pending changesets at `root` (`.changeset/*.md` but the README), sorted by name; a CatalogFileError for one
 * that cannot be read.
 */
export function loadChangesets(root: string): ChangesetFile[] {
  let names: string[]
  try {
    names = readdirSync(join(root, '.changeset'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new CatalogFileError('.changeset', `cannot be listed (${(error as NodeJS.ErrnoException).code})`)
  }
  return names
    .filter(isChangesetFile)
    .sort()
    .map((name) => {
      const file = `.changeset/${name}`
      const read = readCatalogFile(join(root, file))
      if (read === null) throw new CatalogFileError(file, 'disappeared while it was being read')
      if (!read.ok) throw new CatalogFileError(file, read.problem)
      return { file, contents: read.text }
    })
}
