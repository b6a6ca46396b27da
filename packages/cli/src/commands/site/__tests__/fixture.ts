import { type GitDir, gitdir } from '@catalog/test-utils'

export const kanikoTemplate = `spec:
  description: Builds an image without a Docker daemon.
  inputs:
    job_name:
      default: kaniko
      description: Name of the build job.
    image_name:
      description: Repository the image is pushed to.
    cache_ttl:
      type: number
      description: Cache lifetime in hours.
    log_level:
      default: info
      options: [debug, info, warn]
---
kaniko:
  script: [build]
`

export const buildahTemplate = `spec:
  inputs:
    stage:
      default: build
---
buildah:
  script: [build]
`

export const kanikoMeta = `summary: Daemonless image build with kaniko.
outputs:
  - name: IMAGE_DIGEST
    description: The pushed digest.
runner:
  privileged: false
  requirements: [Docker or Kubernetes executor]
limits: [Kaniko is archived upstream.]
minimum_gitlab: '17.0'
`

export const changelog = `# Changelog

## 2.0.0-rc.1 (2026-11-20)

### kaniko
- Rename \`image\`.

## 1.1.0 (2026-11-10)

### kaniko
- Add \`cache_ttl\`.

### Other
- Docs.

## 1.0.0 (2026-11-01)

### buildah
- First release.
`

/** A catalog project with two components, released as 1.0.0, 1.1.0 and the pre-release 2.0.0-rc.1. */
export function catalogRepo(): GitDir & { shas: Record<string, string> } {
  const repo = gitdir({
    'package.json': JSON.stringify({ name: 'catalog', description: 'Container build components.' }),
    'templates/kaniko/template.yml': kanikoTemplate,
    'templates/kaniko/meta.yml': kanikoMeta,
    'templates/buildah/template.yml': buildahTemplate,
    'CHANGELOG.md': changelog,
  })
  const shas: Record<string, string> = {}
  for (const version of ['1.0.0', '1.1.0', '2.0.0-rc.1']) {
    shas[version] = repo.commit(`release ${version}`)
    repo.git('tag', '-a', version, '-m', version)
  }
  return { ...repo, shas }
}
