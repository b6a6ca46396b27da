import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { CatalogVersion } from '@catalog/types'
import { changelogSection, compareVersions, parseVersion } from '@catalog/versions'
import { CatalogFileError, readCatalogFile } from './read-catalog-file.js'

/** CHANGELOG.md at `root`, or null when there is none; a CatalogFileError when it cannot be read. */
export function readChangelog(root: string): string | null {
  const read = readCatalogFile(join(root, 'CHANGELOG.md'))
  if (read === null || read.ok) return read?.text ?? null
  throw new CatalogFileError('CHANGELOG.md', read.problem)
}

/** The catalog's released versions: the version tags of the git repository at `root`, newest version first. */
export function loadVersions(root: string): CatalogVersion[] {
  let output = ''
  try {
    output = execFileSync(
      'git',
      [
        'tag',
        '--list',
        '--format=%(refname:short)%09%(creatordate:iso-strict)%09%(*objectname)%09%(objectname)',
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    )
  } catch {
    return []
  }
  const changelog = readChangelog(root)
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .flatMap(([tag = '', date = '', peeled = '', object = '']) => {
      const version = parseVersion(tag)
      return version ? [{ version, date, sha: peeled || object }] : []
    })
    .sort((a, b) => compareVersions(b.version, a.version))
    .map(({ version, date, sha }) => ({
      version: version.tag,
      date: date || null,
      sha: sha || null,
      changelog: changelog === null ? '' : (changelogSection(changelog, version.tag)?.body ?? ''),
    }))
}
