import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { testdir } from './testdir.js'

/**
 * A temporary copy of the fixture tree at `dir` (removed when the current test finishes), with `changes` applied:
 * path → a function from the file's text (empty for a new file) to its new text.
 */
export function copyFixture(dir: string, changes: Record<string, (text: string) => string> = {}): string {
  const files = readTree(dir)
  for (const [path, change] of Object.entries(changes)) files[path] = change(files[path] ?? '')
  return testdir(files)
}

function readTree(dir: string, root = dir): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name)
      return entry.isDirectory()
        ? Object.entries(readTree(path, root))
        : [[relative(root, path), readFileSync(path, 'utf8')]]
    }),
  )
}
