import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { isGitlabVersion, type ReadSpecResult, readSpec } from '@catalog/engine'
import { parse as parseYaml } from 'yaml'

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

export interface Catalog {
  root: string
  project: ProjectInfo
  /** `catalog validate`'s config file at the root (`.catalogrc.yml`), as text, when there is one. */
  config: { file: string; source: string } | null
  components: Component[]
  /** Files under templates/ that are not component templates (e.g. `.yaml`, nested folders), repository-relative. */
  strayFiles: string[]
  scenarios: Scenario[]
}

// GitLab's Ci::Catalog::ComponentsProject::TEMPLATE_PATH_REGEX.
const TEMPLATE_PATH = /^templates\/[\w.-]+(?:\/template)?\.yml$/
/** `catalog validate`'s config: profile, severity overrides, rule options (parsed by @catalog/rules). */
const CONFIG_FILE = '.catalogrc.yml'
const COMPONENT_SIDE_FILES = new Set(['README.md', 'meta.yml'])

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null
}

function walk(dir: string, root: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')]
  })
}

function componentName(file: string): string {
  const parts = file.split('/')
  return parts.length === 2 ? (parts[1] ?? '').replace(/\.yml$/, '') : (parts[1] ?? '')
}

/** `minimum_gitlab` must be a quoted `major.minor`: unquoted, YAML reads `18.10` as the number 18.1. */
function minimumGitlabError(value: unknown): string | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' && isGitlabVersion(value)) return null
  const found = typeof value === 'number' ? `the number ${value} (unquoted)` : JSON.stringify(value)
  return `meta.yml \`minimum_gitlab\` must be a quoted GitLab version such as "18.11", not ${found}`
}

function readMeta(text: string | null): { meta: ComponentMeta | null; error: string | null } {
  if (text === null) return { meta: null, error: null }
  try {
    const data = parseYaml(text) as Record<string, unknown> | null
    if (!data || typeof data !== 'object' || typeof data.summary !== 'string') {
      return { meta: null, error: 'meta.yml must be a mapping with a `summary` string' }
    }
    const minimumError = minimumGitlabError(data.minimum_gitlab)
    if (minimumError) return { meta: null, error: minimumError }
    const runner = (data.runner ?? {}) as Record<string, unknown>
    const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
    const outputs = Array.isArray(data.outputs)
      ? data.outputs.map((output) => {
          const entry = (output ?? {}) as Record<string, unknown>
          return { name: String(entry.name ?? ''), description: String(entry.description ?? '') }
        })
      : []
    return {
      meta: {
        summary: data.summary,
        outputs,
        runner: { privileged: runner.privileged === true, requirements: list(runner.requirements) },
        limits: list(data.limits),
        ...(typeof data.minimum_gitlab === 'string' ? { minimumGitlab: data.minimum_gitlab } : {}),
      },
      error: null,
    }
  } catch (error) {
    return { meta: null, error: `meta.yml is not valid YAML: ${(error as Error).message.split('\n')[0]}` }
  }
}

function readDescription(root: string): string {
  const text = readIfExists(join(root, 'package.json'))
  if (text === null) return ''
  try {
    const description = (JSON.parse(text) as { description?: unknown }).description
    return typeof description === 'string' ? description : ''
  } catch {
    return ''
  }
}

/** Reads the catalog rooted at `root`: components (sorted by name), stray template files, scenarios, project info. */
export function loadCatalog(root: string): Catalog {
  const templateFiles = walk(join(root, 'templates'), root).sort()
  const components: Component[] = []
  const strayFiles: string[] = []
  for (const file of templateFiles) {
    if (!TEMPLATE_PATH.test(file)) {
      const parts = file.split('/')
      const isSideFile = parts.length === 3 && COMPONENT_SIDE_FILES.has(parts[2] ?? '')
      if (!isSideFile) strayFiles.push(file)
      continue
    }
    const dir = file.endsWith('/template.yml') ? file.slice(0, -'/template.yml'.length) : 'templates'
    const name = componentName(file)
    const readmeFile = dir === 'templates' ? `templates/${name}.md` : `${dir}/README.md`
    const metaFile = dir === 'templates' ? `templates/${name}.meta.yml` : `${dir}/meta.yml`
    // The engine reads the bytes (invalid UTF-8 is GitLab's error); rules and docs read the text.
    const bytes = readFileSync(join(root, file))
    const source = new TextDecoder().decode(bytes)
    const { meta, error } = readMeta(readIfExists(join(root, metaFile)))
    components.push({
      name,
      file,
      source,
      readmeFile,
      readme: readIfExists(join(root, readmeFile)),
      metaFile,
      meta,
      metaError: error,
      spec: readSpec(bytes),
    })
  }
  components.sort((a, b) => a.name.localeCompare(b.name))

  const scenarios = walk(join(root, 'test', 'pipelines'), root)
    .filter((file) => file.endsWith('.gitlab-ci.yml'))
    .sort()
    .map((file) => {
      const parts = file.split('/')
      return {
        component: parts[2] ?? '',
        name: (parts.at(-1) ?? '').replace(/\.gitlab-ci\.yml$/, ''),
        file,
        source: readFileSync(join(root, file), 'utf8'),
      }
    })

  const configText = readIfExists(join(root, CONFIG_FILE))
  return {
    root,
    config: configText === null ? null : { file: CONFIG_FILE, source: configText },
    project: {
      readmeFile: 'README.md',
      readme: readIfExists(join(root, 'README.md')),
      description: readDescription(root),
    },
    components,
    strayFiles,
    scenarios,
  }
}
