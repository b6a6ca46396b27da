import type { ReadSpecResult } from '@catalog/engine'

/** What our docs and site say about a component beyond its spec: `templates/<name>/meta.yml` (GitLab ignores it). */
export interface ComponentMeta {
  summary: string
  outputs: { name: string; description: string }[]
  runner: { privileged: boolean; requirements: string[] }
  limits: string[]
  /** The oldest GitLab the component supports, `major.minor` (`minimum_gitlab`, a quoted string). */
  minimumGitlab?: string
}

export interface Component {
  /** The name GitLab derives from the path: `templates/<name>.yml` or `templates/<name>/template.yml`. */
  name: string
  /** Repository-relative path of the template, `/`-separated. */
  file: string
  /** The template's text; bytes that are not UTF-8 read as U+FFFD (`spec` is read from the bytes themselves). */
  source: string
  /** Repository-relative path of the component's README, whether or not it exists. */
  readmeFile: string
  readme: string | null
  metaFile: string
  meta: ComponentMeta | null
  /** Why meta.yml could not be read, when it exists but is malformed. */
  metaError: string | null
  spec: ReadSpecResult
}

export interface Scenario {
  /** The component folder under test/pipelines/ it belongs to. */
  component: string
  name: string
  file: string
  source: string
}

export interface ProjectInfo {
  readmeFile: string
  readme: string | null
  /** The project description GitLab shows in the catalog; kept as the root package.json `description`. */
  description: string
}

/** A file or folder of the catalog that cannot be read as one, and why; `file` is repository-relative. */
export interface CatalogProblem {
  file: string
  message: string
}

export interface Catalog {
  root: string
  project: ProjectInfo
  /** `catalog validate`'s config file at the root (`.catalogrc.yml`), as text, when there is one. */
  config: { file: string; source: string } | null
  components: Component[]
  /** Files under templates/ that are not component templates (e.g. `.yaml`, nested folders), repository-relative. */
  strayFiles: string[]
  scenarios: Scenario[]
  /**
   * Files and folders that cannot be read as part of the catalog (symbolic links, loops, FIFOs, devices, names that
   * are not UTF-8, unreadable or non-UTF-8 files), in path order. A template among them is not in `components`.
   */
  problems: CatalogProblem[]
}

/** A released version of the catalog: a version tag of its repository. */
export interface CatalogVersion {
  /** The tag name: `1.4.0`, `v1.4.0`, `2.0.0-rc.1`. */
  version: string
  /** The tag's date (ISO 8601), when known. */
  date: string | null
  sha: string | null
  /** The CHANGELOG.md section of this version, without its heading; empty when there is none. */
  changelog: string
}
