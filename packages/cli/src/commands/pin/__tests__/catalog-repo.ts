import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type GitDir, gitdir } from '@catalog/test-utils'

export interface CatalogRepo extends GitDir {
  /** Commit SHA of each tag. */
  shas: Record<string, string>
}

/**
 * A real catalog repository: releases 1.0.0, 1.1.0 (annotated), 1.2.0, 2.0.0 (annotated), the pre-release
 * 2.1.0-rc.1, a branch `1.1.0` named like a tag but pointing at 2.0.0's commit, and a branch `stable`.
 */
export function catalogRepo(): CatalogRepo {
  const repo = gitdir({ 'README.md': '# container-build\n', 'templates/kaniko/template.yml': 'job: {}\n' })
  const shas: Record<string, string> = {}
  const release = (version: string, annotated: boolean) => {
    writeFileSync(join(repo.root, 'VERSION'), `${version}\n`)
    shas[version] = repo.commit(`Release ${version}`)
    if (annotated) repo.git('tag', '-a', version, '-m', `Release ${version}`)
    else repo.git('tag', version)
  }
  repo.git('tag', '1.0.0')
  shas['1.0.0'] = repo.git('rev-parse', 'HEAD')
  release('1.1.0', true)
  release('1.2.0', false)
  release('2.0.0', true)
  release('2.1.0-rc.1', false)
  repo.git('branch', '1.1.0', shas['2.0.0'] as string)
  repo.git('branch', 'stable', shas['1.2.0'] as string)
  return { ...repo, shas }
}
