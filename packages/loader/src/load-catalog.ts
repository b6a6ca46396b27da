import { join } from 'node:path'
import { isGitlabVersion, readSpec } from '@catalog/engine'
import type { Catalog, CatalogProblem, Component, ComponentMeta } from '@catalog/types'
import { parse as parseYaml } from 'yaml'
import { readCatalogBytes, readCatalogFile } from './read-catalog-file.js'
import { walkTree } from './walk-tree.js'

// GitLab's Ci::Catalog::ComponentsProject::TEMPLATE_PATH_REGEX.
const TEMPLATE_PATH = /^templates\/[\w.-]+(?:\/template)?\.yml$/
/** `catalog validate`'s config: profile, severity overrides, rule options (parsed by @catalog/rules). */
const CONFIG_FILE = '.catalogrc.yml'
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

/** Notes why a repository-relative file cannot be read, unless already noted (a link under templates/ is, by the walk). */
function note(problems: CatalogProblem[], file: string, problem: string): void {
  if (!problems.some((known) => known.file === file)) problems.push({ file, message: problem })
}

/** Reads a repository-relative file: its text, or null when it is missing or unreadable (then noted in `problems`). */
function readOrNote(root: string, file: string, problems: CatalogProblem[]): string | null {
  const read = readCatalogFile(join(root, file))
  if (read === null) return null
  if (read.ok) return read.text
  note(problems, file, read.problem)
  return null
}

/**
 * Reads a component template's bytes, or null when it is unreadable (then noted in `problems`). Invalid UTF-8 is
 * not a problem here: the engine reads the bytes and reports it in GitLab's words.
 */
function readTemplateOrNote(root: string, file: string, problems: CatalogProblem[]): Uint8Array | null {
  const read = readCatalogBytes(join(root, file))
  if (read === null) return null
  if (read.ok) return read.bytes
  note(problems, file, read.problem)
  return null
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
    const bytes = readTemplateOrNote(root, file, problems)
    if (bytes === null) continue
    components.push(readComponent(root, file, name, bytes, problems))
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
  const configText = readOrNote(root, CONFIG_FILE, problems)
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  return {
    root,
    project: { readmeFile: 'README.md', readme, description },
    config: configText === null ? null : { file: CONFIG_FILE, source: configText },
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
  bytes: Uint8Array,
  problems: CatalogProblem[],
): Component {
  const dir = file.endsWith('/template.yml') ? file.slice(0, -'/template.yml'.length) : 'templates'
  const readmeFile = dir === 'templates' ? `templates/${name}.md` : `${dir}/README.md`
  const metaFile = dir === 'templates' ? `templates/${name}.meta.yml` : `${dir}/meta.yml`
  const { meta, error } = readMeta(readOrNote(root, metaFile, problems))
  return {
    name,
    file,
    // The engine reads the bytes (invalid UTF-8 is GitLab's error); rules and docs read the text.
    source: new TextDecoder().decode(bytes),
    readmeFile,
    readme: readOrNote(root, readmeFile, problems),
    metaFile,
    meta,
    metaError: error,
    spec: readSpec(bytes),
  }
}
