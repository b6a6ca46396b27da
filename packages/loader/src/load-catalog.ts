import { join } from 'node:path'
import { readSpec } from '@catalog/engine'
import type { Catalog, CatalogProblem, Component, ComponentMeta } from '@catalog/types'
import { parse as parseYaml } from 'yaml'
import { readCatalogFile } from './read-catalog-file.js'
import { walkTree } from './walk-tree.js'

// GitLab's Ci::Catalog::ComponentsProject::TEMPLATE_PATH_REGEX.
const TEMPLATE_PATH = /^templates\/[\w.-]+(?:\/template)?\.yml$/
const COMPONENT_SIDE_FILES = new Set(['README.md', 'meta.yml'])

/**
 * The component a repository-relative path is the template of, as GitLab names it (`templates/<name>.yml` or
 * `templates/<name>/template.yml`), or null when the path is not a component template.
 */
export function templateComponentName(file: string): string | null {
  if (!TEMPLATE_PATH.test(file)) return null
  const parts = file.split('/')
  return parts.length === 2 ? (parts[1] ?? '').replace(/\.yml$/, '') : (parts[1] ?? '')
}

/** Reads a repository-relative file: its text, or null when it is missing or unreadable (then noted in `problems`). */
function readOrNote(root: string, file: string, problems: CatalogProblem[]): string | null {
  const read = readCatalogFile(join(root, file))
  if (read === null) return null
  if (read.ok) return read.text
  // A link under templates/ was already noted by the walk.
  if (!problems.some((problem) => problem.file === file)) problems.push({ file, message: read.problem })
  return null
}

function readMeta(text: string | null): { meta: ComponentMeta | null; error: string | null } {
  if (text === null) return { meta: null, error: null }
  try {
    const data = parseYaml(text) as Record<string, unknown> | null
    if (!data || typeof data !== 'object' || typeof data.summary !== 'string') {
      return { meta: null, error: 'meta.yml must be a mapping with a `summary` string' }
    }
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
        ...(data.minimum_gitlab !== undefined ? { minimumGitlab: String(data.minimum_gitlab) } : {}),
      },
      error: null,
    }
  } catch (error) {
    return { meta: null, error: `meta.yml is not valid YAML: ${(error as Error).message.split('\n')[0]}` }
  }
}

function readDescription(text: string | null): string {
  if (text === null) return ''
  try {
    const description = (JSON.parse(text) as { description?: unknown }).description
    return typeof description === 'string' ? description : ''
  } catch {
    return ''
  }
}

/**
 * Reads the catalog rooted at `root`: components (sorted by name), stray template files, scenarios, project info,
 * and every file that cannot be read (`problems`). Never throws for what it finds on disk.
 */
export function loadCatalog(root: string): Catalog {
  const problems: CatalogProblem[] = []
  const templates = walkTree(root, 'templates')
  problems.push(...templates.problems)
  const components: Component[] = []
  const strayFiles: string[] = []
  for (const file of templates.files) {
    const name = templateComponentName(file)
    if (name === null) {
      const parts = file.split('/')
      const isSideFile = parts.length === 3 && COMPONENT_SIDE_FILES.has(parts[2] ?? '')
      if (!isSideFile) strayFiles.push(file)
      continue
    }
    const source = readOrNote(root, file, problems)
    if (source === null) continue
    components.push(readComponent(root, file, name, source, problems))
  }
  components.sort((a, b) => a.name.localeCompare(b.name))

  const pipelines = walkTree(root, 'test/pipelines')
  problems.push(...pipelines.problems)
  const scenarios = pipelines.files
    .filter((file) => file.endsWith('.gitlab-ci.yml'))
    .flatMap((file) => {
      const source = readOrNote(root, file, problems)
      if (source === null) return []
      const parts = file.split('/')
      return [
        {
          component: parts[2] ?? '',
          name: (parts.at(-1) ?? '').replace(/\.gitlab-ci\.yml$/, ''),
          file,
          source,
        },
      ]
    })

  const readme = readOrNote(root, 'README.md', problems)
  const description = readDescription(readOrNote(root, 'package.json', problems))
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  return {
    root,
    project: { readmeFile: 'README.md', readme, description },
    components,
    strayFiles,
    scenarios,
    problems,
  }
}

function readComponent(
  root: string,
  file: string,
  name: string,
  source: string,
  problems: CatalogProblem[],
): Component {
  const dir = file.endsWith('/template.yml') ? file.slice(0, -'/template.yml'.length) : 'templates'
  const readmeFile = dir === 'templates' ? `templates/${name}.md` : `${dir}/README.md`
  const metaFile = dir === 'templates' ? `templates/${name}.meta.yml` : `${dir}/meta.yml`
  const { meta, error } = readMeta(readOrNote(root, metaFile, problems))
  return {
    name,
    file,
    source,
    readmeFile,
    readme: readOrNote(root, readmeFile, problems),
    metaFile,
    meta,
    metaError: error,
    spec: readSpec(source),
  }
}
