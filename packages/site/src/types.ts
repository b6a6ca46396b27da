import type { ComponentSpec, InputSpec, ReadSpecResult } from '@catalog/engine'
import type { CatalogVersion, Component } from '@catalog/types'

/**
 * What the site is built from: the loader's Catalog and CatalogVersion (@catalog/types), of which it reads only
 * the fields picked here, so tests can pass plain data.
 */
export type SiteInputSpec = Pick<
  InputSpec,
  'name' | 'type' | 'hasDefault' | 'default' | 'description' | 'options' | 'regex' | 'rules'
>

export type SiteComponent = Pick<Component, 'name' | 'file' | 'meta'> &
  Partial<Pick<Component, 'metaError'>> & {
    spec:
      | {
          ok: true
          spec: (Pick<ComponentSpec, 'description'> & { inputs: Record<string, SiteInputSpec> }) | null
        }
      | Pick<Extract<ReadSpecResult, { ok: false }>, 'ok' | 'error'>
  }

export type SiteVersion = CatalogVersion

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
