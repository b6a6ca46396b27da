import { expect, it } from 'vitest'
import { runRules } from '../run-rules.js'
import type { RuleCatalog } from '../types.js'

// A 2 MiB file is too big to keep as a fixture folder: the catalog is built here.
it('a component over 2 MiB gets GitLab\'s "The provided YAML is too big" and nothing else', async () => {
  const source = `build:\n  script:\n${'    - echo 0123456789012345678901234567890123456789012345678901234567890123456789\n'.repeat(30_000)}`
  expect(source.length).toBeGreaterThan(2 * 1024 * 1024)
  const catalog: RuleCatalog = {
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
  const { findings } = await runRules(catalog)
  expect(findings.map(({ rule, message }) => ({ rule, message }))).toEqual([
    {
      rule: 'yaml-invalid',
      message: expect.stringContaining('GitLab cannot load this file: The provided YAML is too big.'),
    },
  ])
})
