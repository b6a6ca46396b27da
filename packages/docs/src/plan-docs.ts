import { type ComponentSpec, readSpec } from '@catalog/engine'
import type { Catalog, Component } from '@catalog/types'
import { code, formatCell } from './format-cell.js'
import type { DocsMeta } from './render-component-docs.js'
import { renderInputsTable, renderOutputsTable, renderUsage } from './render-component-docs.js'
import { replaceSection, section } from './replace-section.js'

/** What the docs read of a component. */
export type DocsComponent = Pick<Component, 'name' | 'source' | 'readmeFile' | 'readme'> & {
  meta: DocsMeta | null
}

/** What the docs read of the catalog. */
export interface DocsCatalog {
  project: Pick<Catalog['project'], 'readmeFile' | 'readme'>
  components: DocsComponent[]
}

export interface DocsFile {
  file: string
  /** The file as it is, null when it does not exist. */
  current: string | null
  /** The file as `catalog docs` writes it. */
  expected: string
}

export interface PlanDocsOptions {
  /** The catalog's latest version (`loadVersions(root)[0]?.version`), or null when unreleased. */
  version: string | null
}

const COMPONENT_SECTIONS = [
  { name: 'usage', heading: 'Usage' },
  { name: 'inputs', heading: 'Inputs' },
  { name: 'outputs', heading: 'Outputs' },
] as const

function specOf(source: string): ComponentSpec | null {
  const result = readSpec(source)
  return result.ok ? result.spec : null
}

/** Sets each generated section; a section whose markers are missing is appended under its heading. */
function fillSections(text: string, bodies: { name: string; heading: string; body: string }[]): string {
  let result = text
  for (const { name, heading, body } of bodies) {
    const replaced = replaceSection(result, name, body)
    result = replaced ?? `${result.trimEnd()}\n\n## ${heading}\n\n${section(name, body)}\n`
  }
  return result
}

/** The root README's catalog table: name, one-line description, latest version. */
export function renderCatalogTable(components: DocsComponent[], version: string | null): string {
  if (components.length === 0) return '_No components yet._'
  return [
    '| Component | Description | Latest version |',
    '| --- | --- | --- |',
    ...components.map(
      (component) =>
        `| [${formatCell(code(component.name))}](${component.readmeFile}) | ${formatCell(component.meta?.summary ?? '')} | ${version ?? 'unreleased'} |`,
    ),
  ].join('\n')
}

/** Every generated file: each component's README and the root README, as they are and as they should be. */
export function planDocs(catalog: DocsCatalog, options: PlanDocsOptions): DocsFile[] {
  const files: DocsFile[] = catalog.components.map((component) => {
    const spec = specOf(component.source)
    const bodies = COMPONENT_SECTIONS.map(({ name, heading }) => ({
      name,
      heading,
      body:
        name === 'usage'
          ? renderUsage(component.name, spec, options.version)
          : name === 'inputs'
            ? renderInputsTable(spec)
            : renderOutputsTable(component.meta),
    }))
    const base = component.readme ?? `# ${component.name}\n\n${component.meta?.summary ?? ''}\n`
    return { file: component.readmeFile, current: component.readme, expected: fillSections(base, bodies) }
  })
  const { readme, readmeFile } = catalog.project
  if (readme !== null) {
    files.push({
      file: readmeFile,
      current: readme,
      expected: fillSections(readme, [
        {
          name: 'catalog',
          heading: 'Components',
          body: renderCatalogTable(catalog.components, options.version),
        },
      ]),
    })
  }
  return files
}
