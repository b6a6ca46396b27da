import { expect, it } from 'vitest'
import { oneComponentCatalog } from '../../test/util-fixtures.js'
import { runRules } from '../run-rules.js'

// A 2 MiB file is too big to keep as a fixture folder: the catalog is built here.
it('a component over 2 MiB gets GitLab\'s "The provided YAML is too big" and nothing else', async () => {
  const source = `build:\n  script:\n${'    - echo 0123456789012345678901234567890123456789012345678901234567890123456789\n'.repeat(30_000)}`
  expect(source.length).toBeGreaterThan(2 * 1024 * 1024)
  const { findings } = await runRules(oneComponentCatalog(source))
  expect(findings.map(({ rule, message }) => ({ rule, message }))).toEqual([
    {
      rule: 'yaml-invalid',
      message: expect.stringContaining('GitLab cannot load this file: The provided YAML is too big.'),
    },
  ])
})
