import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { testdir } from '@catalog/test-utils'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))

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

/** A temporary copy of a fixture catalog (removed after the test), with `changes` applied: path → new text. */
export function fixtureCopy(name: string, changes: Record<string, (text: string) => string> = {}): string {
  const files = readTree(join(fixtures, name))
  for (const [path, change] of Object.entries(changes)) files[path] = change(files[path] ?? '')
  return testdir(files)
}
