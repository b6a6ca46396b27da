import { readdirSync } from 'node:fs'
import { planDocs } from '@catalog/docs'
import { createCiSchemaValidator, runShellcheck } from '@catalog/rule-tools'
import type { RuleCatalog, RuleTools } from '../src/index.js'

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
    planDocs: (catalog) => planDocs(catalog as Parameters<typeof planDocs>[0], { version: null }),
  }
}

/** A catalog of one component, `templates/build/template.yml` holding `source`, for tests that build their input. */
export function oneComponentCatalog(source: string): RuleCatalog {
  return {
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
      },
    ],
  }
}
