import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { onTestFinished } from 'vitest'

/** Writes `files` (path → contents) under a new temporary directory, removed when the current test finishes. */
export function testdir(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'catalog-test-'))
  for (const [path, contents] of Object.entries(files)) {
    const target = join(root, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, contents)
  }
  onTestFinished(() => rmSync(root, { recursive: true, force: true }))
  return root
}
