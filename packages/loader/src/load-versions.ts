import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { CatalogFileError, readCatalogFile } from './read-catalog-file.js'

export interface CatalogVersion {
  /** The tag name, a semver version such as `1.4.0` (GitLab also accepts a leading `v`). */
  version: string
  /** The tag's date (ISO 8601), when known. */
  date: string | null
  sha: string | null
  /** The CHANGELOG.md section for this version, without its heading; empty when there is none. */
  changelog: string
}

// GitLab's Gitlab::Regex::SemVer.optional_prefixed.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0)(?:\.(?:\d*[a-zA-Z-][0-9a-zA-Z-]*|[1-9]\d*|0))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

/** Splits CHANGELOG.md at its `## <version>` headings: version → section text. */
export function parseChangelog(text: string): Map<string, string> {
  const sections = new Map<string, string>()
  let current: string | null = null
  let lines: string[] = []
  const flush = () => {
    if (current !== null) sections.set(current, lines.join('\n').trim())
  }
  for (const line of text.split('\n')) {
    const heading = /^## \[?(v?\d+\.\d+\.\d+[^\]\s]*)\]?/.exec(line)
    if (heading) {
      flush()
      current = heading[1] ?? null
      lines = []
    } else if (current !== null) {
      lines.push(line)
    }
  }
  flush()
  return sections
}

/** CHANGELOG.md at `root`, or null when there is none; a CatalogFileError when it cannot be read. */
export function readChangelog(root: string): string | null {
  const read = readCatalogFile(join(root, 'CHANGELOG.md'))
  if (read === null || read.ok) return read?.text ?? null
  throw new CatalogFileError('CHANGELOG.md', read.problem)
}

/** The catalog's released versions: semver tags of the git repository at `root`, newest first by tag date. */
export function loadVersions(root: string): CatalogVersion[] {
  let output = ''
  try {
    output = execFileSync(
      'git',
      [
        'tag',
        '--list',
        '--sort=-creatordate',
        '--format=%(refname:short)%09%(creatordate:iso-strict)%09%(*objectname)%09%(objectname)',
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    )
  } catch {
    return []
  }
  const text = readChangelog(root)
  const changelog = text === null ? new Map<string, string>() : parseChangelog(text)
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter(([tag]) => SEMVER.test(tag ?? ''))
    .map(([tag = '', date = '', peeled = '', object = '']) => ({
      version: tag,
      date: date || null,
      sha: peeled || object || null,
      changelog: changelog.get(tag) ?? changelog.get(tag.replace(/^v/, '')) ?? '',
    }))
}
