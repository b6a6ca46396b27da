import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { findUndeclaredImports } from './find-undeclared-imports.js'
import { findUntestedReleaseJobs } from './find-untested-release-jobs.js'
import { readWorkspace } from './read-workspace.js'

// This repository itself, checked on every `npm test` (turbo re-runs it when any package changes: turbo.json).
const root = fileURLToPath(new URL('../../../', import.meta.url))

it('every package declares the packages it imports', () => {
  expect(findUndeclaredImports(readWorkspace(root)).map((problem) => problem.message)).toEqual([])
})

it("the catalog's pipeline runs npm test before any release job", () => {
  expect(findUntestedReleaseJobs(readFileSync(`${root}.gitlab-ci.yml`, 'utf8'), 'test:unit')).toEqual([])
})
