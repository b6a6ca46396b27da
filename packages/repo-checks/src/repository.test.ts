import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { findUndeclaredImports } from './find-undeclared-imports.js'
import { findUntestedReleaseJobs } from './find-untested-release-jobs.js'
import { readWorkspace } from './read-workspace.js'

// This repository itself, checked on every `npm test` (turbo re-runs it when any package changes: turbo.json).
const root = fileURLToPath(new URL('../../../', import.meta.url))

// Known violations being fixed on the `validate` branch (issue 13: the rules tests use the CLI's adapters and
// undeclared packages; the site's browser test reads through the loader). Each entry must still occur: once the
// fix is merged this test fails until the entry is removed, so the list cannot go stale.
const PENDING_FIXES = [
  'packages/rules/test/cases.test.ts: imports @catalog/docs, which packages/rules/package.json does not declare',
  'packages/rules/test/cases.test.ts: imports @catalog/loader, which packages/rules/package.json does not declare',
  'packages/rules/test/cases.test.ts: imports `../../cli/src/lib/ci-schema.js` from packages/cli, another package, by path: import @catalog/cli and declare it in packages/rules/package.json',
  'packages/rules/test/cases.test.ts: imports `../../cli/src/lib/run-shellcheck.js` from packages/cli, another package, by path: import @catalog/cli and declare it in packages/rules/package.json',
  'packages/site/test/browser.test.ts: imports @catalog/loader, which packages/site/package.json does not declare',
]

it('every package declares the packages it imports', () => {
  const problems = findUndeclaredImports(readWorkspace(root)).map((problem) => problem.message)
  expect(problems.filter((message) => !PENDING_FIXES.includes(message))).toEqual([])
  expect(PENDING_FIXES.filter((message) => !problems.includes(message))).toEqual([])
})

it("the catalog's pipeline runs npm test before any release job", () => {
  expect(findUntestedReleaseJobs(readFileSync(`${root}.gitlab-ci.yml`, 'utf8'), 'test:unit')).toEqual([])
})
