import { componentChanges, isPrerelease } from '@catalog/versions'
import { resolveReferences, type VersionReference } from './resolve-references.js'
import { latestRelease, sortVersions } from './sort-versions.js'
import type { SiteComponent, SiteInput } from './types.js'

export interface InputView {
  name: string
  type: string
  required: boolean
  /** Present only when the input has a default. */
  default?: unknown
  description: string
  options: unknown[] | null
  regex: string | null
  /** The input declares `rules:`, so its options or default depend on other inputs. */
  conditional: boolean
}

export interface ReferenceView extends VersionReference {
  /** The `include:` snippet using this reference, required inputs filled with placeholders. */
  snippet: string
}

export interface VersionView {
  version: string
  date: string | null
  sha: string | null
  prerelease: boolean
  /** This component's changelog entries for the version (Markdown, one per entry). */
  changes: string[]
}

export interface ComponentView {
  name: string
  file: string
  summary: string
  description: string
  inputs: InputView[]
  requiredInputs: string[]
  outputs: { name: string; description: string }[]
  runner: { privileged: boolean; requirements: string[] }
  limits: string[]
  minimumGitlab: string | null
  /** The newest release of the catalog that is not a pre-release. */
  latestVersion: string | null
  references: ReferenceView[]
  versions: VersionView[]
  /** Why parts of the page are missing (invalid spec header, unreadable meta.yml). */
  problems: string[]
}

export interface CatalogView {
  title: string
  description: string
  projectPath: string
  latestVersion: string | null
  components: ComponentView[]
}

/** The `include:` entry for a component at `ref`, with a placeholder for each required input. */
export function usageSnippet(
  projectPath: string,
  name: string,
  ref: string,
  requiredInputs: { name: string; type: string }[],
): string {
  const lines = ['include:', `  - component: $CI_SERVER_FQDN/${projectPath}/${name}@${ref}`]
  if (requiredInputs.length > 0) {
    lines.push('    inputs:')
    for (const input of requiredInputs) {
      const hint = input.type === 'string' ? '' : `  # ${input.type}`
      lines.push(`      ${input.name}: <${input.name}>${hint}`)
    }
  }
  return `${lines.join('\n')}\n`
}

function describeInputs(component: SiteComponent): InputView[] {
  if (!component.spec.ok || !component.spec.spec) return []
  return Object.entries(component.spec.spec.inputs).map(([name, input]) => ({
    name,
    type: input.type,
    required: !input.hasDefault,
    ...(input.hasDefault ? { default: input.default } : {}),
    description: input.description ?? '',
    options: input.options ?? null,
    regex: input.regex ?? null,
    conditional: Array.isArray(input.rules) && input.rules.length > 0,
  }))
}

function describeComponent(
  component: SiteComponent,
  input: SiteInput,
  sorted: ReturnType<typeof sortVersions>,
): ComponentView {
  const latest = latestRelease(sorted)
  const inputs = describeInputs(component)
  const required = inputs.filter((entry) => entry.required)
  const meta = component.meta
  const problems: string[] = []
  if (!component.spec.ok) problems.push(`The spec header is invalid: ${component.spec.error}`)
  if (component.metaError) problems.push(component.metaError)
  return {
    name: component.name,
    file: component.file,
    summary: meta?.summary ?? '',
    description: component.spec.ok ? (component.spec.spec?.description ?? '') : '',
    inputs,
    requiredInputs: required.map((entry) => entry.name),
    outputs: meta?.outputs ?? [],
    runner: meta?.runner ?? { privileged: false, requirements: [] },
    limits: meta?.limits ?? [],
    minimumGitlab: meta?.minimumGitlab ?? null,
    latestVersion: latest?.version ?? null,
    references: resolveReferences(latest).map((reference) => ({
      ...reference,
      snippet: usageSnippet(input.project.path, component.name, reference.ref, required),
    })),
    versions: sorted.map((version) => ({
      version: version.version,
      date: version.date,
      sha: version.sha,
      prerelease: isPrerelease(version.parsed),
      changes: componentChanges(version.changelog, component.name),
    })),
    problems,
  }
}

/** Everything the site and the terminal show about the catalog, computed once from plain data. */
export function describeCatalog(input: SiteInput): CatalogView {
  const sorted = sortVersions(input.versions)
  const components = [...input.components]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((component) => describeComponent(component, input, sorted))
  return {
    title: input.project.title ?? input.project.path.split('/').at(-1) ?? input.project.path,
    description: input.project.description,
    projectPath: input.project.path,
    latestVersion: latestRelease(sorted)?.version ?? null,
    components,
  }
}

/** How a default or option is shown: strings bare (an empty one as `""`), everything else as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : value
  return JSON.stringify(value) ?? String(value)
}
