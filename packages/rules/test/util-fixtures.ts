import { readdirSync } from 'node:fs'
import { planDocs } from '@catalog/docs'
import { readSpec } from '@catalog/engine'
import { createCiSchemaValidator, runShellcheck } from '@catalog/rule-tools'
import type { Catalog } from '@catalog/types'
import type { RuleTools } from '../src/index.js'

/** The folders directly under `path`, sorted: one case or one catalog each. */
export const subdirectories = (path: string): string[] =>
  readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

/** The I/O adapters `catalog validate` injects (the bundled CI schema, the shellcheck binary, the docs). */
export async function realTools(): Promise<RuleTools> {
  return {
    validateCiSchema: await createCiSchemaValidator(),
    runShellcheck: (scripts) => runShellcheck(scripts),
    planDocs: (catalog) => planDocs(catalog, { version: null }),
  }
}

/** A catalog of one component, `templates/build/template.yml` holding `source`, for tests that build their input. */
export function oneComponentCatalog(source: string): Catalog {
  return {
    root: '/nonexistent',
    config: null,
    problems: [],
    project: { readmeFile: 'README.md', readme: '# x\n', description: 'x' },
    strayFiles: [],
    scenarios: [],
    components: [
      {
        name: 'build',
        file: 'templates/build/template.yml',
        source,
        readmeFile: 'templates/build/README.md',
        readme: null,
        metaFile: 'templates/build/meta.yml',
        meta: null,
        metaError: null,
        spec: readSpec(source),
      },
    ],
  }
}
