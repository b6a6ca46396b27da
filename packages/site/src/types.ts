import type { InputSpec } from '@catalog/engine'

/**
 * What the site is built from: plain data, shaped like the loader's Catalog and CatalogVersion so those can be
 * passed in directly. Only the fields the site reads are declared.
 */
export type SiteInputSpec = Pick<
  InputSpec,
  'name' | 'type' | 'hasDefault' | 'default' | 'description' | 'options' | 'regex' | 'rules'
>

export interface SiteComponentMeta {
  summary: string
  outputs: { name: string; description: string }[]
  runner: { privileged: boolean; requirements: string[] }
  limits: string[]
  minimumGitlab?: string
}

export interface SiteComponent {
  name: string
  /** Repository-relative path of the template. */
  file: string
  meta: SiteComponentMeta | null
  metaError?: string | null
  spec:
    | { ok: true; spec: { description?: string; inputs: Record<string, SiteInputSpec> } | null }
    | { ok: false; error: string }
}

export interface SiteVersion {
  /** The tag name: `1.4.0`, `v1.4.0`, `2.0.0-rc.1`. */
  version: string
  date: string | null
  sha: string | null
  /** The CHANGELOG.md section of this version, without its heading. */
  changelog: string
}

export interface SiteInput {
  components: SiteComponent[]
  /** Released versions (semver tags), in any order. */
  versions: SiteVersion[]
  project: {
    /** The GitLab project path the components are included from, e.g. `my-group/container-build-catalog`. */
    path: string
    /** The project description shown on the index. */
    description: string
    /** The site's title; defaults to the last segment of `path`. */
    title?: string
  }
}
