import { execFileSync } from 'node:child_process'
import { dirname, relative, sep } from 'node:path'
import type { ComponentContext } from '@catalog/engine'
import { findCatalogRoot } from './find-catalog-root.js'

/** GitLab's Ci::Catalog::ComponentsProject::TEMPLATE_PATH_REGEX, with the component name captured. */
const TEMPLATE_PATH = /^templates\/([\w.-]+)(?:\.yml|\/template\.yml)$/
/** A release tag GitLab's catalog accepts as a version (`Gitlab::Regex::SemVer.optional_prefixed`, simplified). */
const SEMVER_TAG = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/

function git(cwd: string, ...args: string[]): string | null {
  try {
    return (
      execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null
    )
  } catch {
    return null
  }
}

/**
 * What GitLab puts in `$[[ component.* ]]` when a project includes this file at the working tree's commit: the
 * name from the path (`templates/<name>.yml` or `templates/<name>/template.yml` under the catalog root), the
 * HEAD commit as `sha`, the reference a consumer would write for it (a tag at HEAD, else the branch, else the SHA)
 * and, as GitLab does, a `version` only when that reference is a release tag (null for a branch or a SHA).
 * Null when the file is not a component of a catalog.
 */
export function workingTreeContext(file: string): ComponentContext | null {
  const root = findCatalogRoot(dirname(file))
  const match = TEMPLATE_PATH.exec(relative(root, file).split(sep).join('/'))
  if (!match) return null
  const sha = git(root, 'rev-parse', 'HEAD') ?? '0'.repeat(40)
  const tag = git(root, 'describe', '--tags', '--exact-match', 'HEAD')
  const branch = git(root, 'symbolic-ref', '--short', '-q', 'HEAD')
  return {
    name: match[1] ?? '',
    sha,
    version: tag && SEMVER_TAG.test(tag) ? tag : null,
    reference: tag ?? branch ?? sha,
  }
}
