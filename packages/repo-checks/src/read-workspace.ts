import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Manifest, Workspace, WorkspaceFile } from './find-undeclared-imports.js'

const CODE = /\.[cm]?[jt]sx?$/
const SKIPPED = new Set(['node_modules', 'dist', '.turbo', 'coverage', 'test-results'])

/** The workspace at `root`: its `package.json` and, for each `packages/<name>/`, the manifest and code files. */
export function readWorkspace(root: string): Workspace {
  const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Manifest
  const packages = readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}`)
    .filter((dir) => readdirSync(join(root, dir)).includes('package.json'))
    .sort()
    .map((dir) => ({ dir, manifest: readJson(`${dir}/package.json`), files: codeFiles(root, dir) }))
  return { root: readJson('package.json'), packages }
}

function codeFiles(root: string, dir: string): WorkspaceFile[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => !SKIPPED.has(entry.name))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory()) return codeFiles(root, path)
      return entry.isFile() && CODE.test(entry.name)
        ? [{ path, text: readFileSync(join(root, path), 'utf8') }]
        : []
    })
}
