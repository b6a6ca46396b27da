import { testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { findUndeclaredImports, importSpecifiers, packageName } from './find-undeclared-imports.js'
import { readWorkspace } from './read-workspace.js'

const manifest = (name: string, deps: Record<string, Record<string, string>> = {}) =>
  `${JSON.stringify({ name, ...deps })}\n`

/** A workspace with packages `a` (declaring what `aDeps` says) and `b`, plus `files`. */
function workspace(files: Record<string, string>, aDeps: Record<string, Record<string, string>> = {}) {
  const root = testdir({
    'package.json': manifest('root', { devDependencies: { vitest: '*' } }),
    'packages/a/package.json': manifest('@x/a', aDeps),
    'packages/b/package.json': manifest('@x/b'),
    'packages/b/src/index.ts': 'export const b = 1\n',
    'packages/b/src/lib/helper.ts': 'export const helper = 1\n',
    ...files,
  })
  return findUndeclaredImports(readWorkspace(root)).map((problem) => problem.message)
}

describe('findUndeclaredImports', () => {
  it('passes a package that declares every package it imports', () => {
    expect(
      workspace(
        {
          'packages/a/src/index.ts':
            "import { b } from '@x/b'\nimport { readFileSync } from 'node:fs'\nimport path from 'path'\n",
          'packages/a/src/index.test.ts': "import { it } from 'vitest'\nimport { b } from '@x/b'\n",
          'packages/a/vitest.config.ts':
            "import { defineProject } from 'vitest/config'\nimport '../../shared.js'\n",
        },
        { dependencies: { '@x/b': '*' } },
      ),
    ).toEqual([])
  })

  it('flags a test importing a workspace package the package does not declare', () => {
    expect(workspace({ 'packages/a/test/cases.test.ts': "import { b } from '@x/b'\n" })).toEqual([
      'packages/a/test/cases.test.ts: imports @x/b, which packages/a/package.json does not declare',
    ])
  })

  it('flags a relative path into another package', () => {
    expect(
      workspace(
        { 'packages/a/test/cases.test.ts': "import { helper } from '../../b/src/lib/helper.js'\n" },
        { devDependencies: { '@x/b': '*' } },
      ),
    ).toEqual([
      'packages/a/test/cases.test.ts: imports `../../b/src/lib/helper.js` from packages/b, another package, by path: import @x/b and declare it in packages/a/package.json',
    ])
  })

  it('flags dynamic imports, re-exports and require.resolve as well as static imports', () => {
    expect(
      workspace({
        'packages/a/src/index.ts': [
          "export { b } from '@x/b'",
          "const ajv = await import('ajv')",
          "createRequire(import.meta.url).resolve('gitlab-ci-local/package.json')",
          "path.resolve('relative/not/a/package')",
        ].join('\n'),
      }),
    ).toEqual([
      'packages/a/src/index.ts: imports @x/b, which packages/a/package.json does not declare',
      'packages/a/src/index.ts: imports ajv, which packages/a/package.json does not declare',
      'packages/a/src/index.ts: imports gitlab-ci-local, which packages/a/package.json does not declare',
    ])
  })

  it('wants what shipping code loads in dependencies, not only devDependencies', () => {
    expect(
      workspace(
        { 'packages/a/src/index.ts': "import { b } from '@x/b'\n" },
        { devDependencies: { '@x/b': '*' } },
      ),
    ).toEqual([
      'packages/a/src/index.ts: imports @x/b in code that ships, but packages/a/package.json has it only in devDependencies: move it to dependencies',
    ])
  })

  it("lets tests use the root's tools, but never a workspace package declared only at the root", () => {
    expect(
      workspace({
        'package.json': manifest('root', { devDependencies: { vitest: '*', '@x/b': '*' } }),
        'packages/a/src/a.test.ts': "import { it } from 'vitest'\nimport { b } from '@x/b'\n",
        'packages/a/src/index.ts': "import { it } from 'vitest'\n",
      }),
    ).toEqual([
      'packages/a/src/a.test.ts: imports @x/b, which packages/a/package.json does not declare',
      'packages/a/src/index.ts: imports vitest, which packages/a/package.json does not declare',
    ])
  })

  it('skips dist and node_modules', () => {
    expect(
      workspace({
        'packages/a/dist/index.js': "import '@x/b'\n",
        'packages/a/node_modules/z/index.js': "import '@x/b'\n",
      }),
    ).toEqual([])
  })
})

describe('importSpecifiers and packageName', () => {
  it('reads type-only imports and side-effect imports', () => {
    expect(importSpecifiers("import type { A } from '@s/y'\nimport 'side'\n")).toEqual(['@s/y', 'side'])
  })

  it('names the package of a deep import and ignores built-ins and paths', () => {
    expect(['@s/y/deep/file.js', 'yaml/util', 'node:fs', 'fs', './x.js', '/abs'].map(packageName)).toEqual([
      '@s/y',
      'yaml',
      null,
      null,
      null,
      null,
    ])
  })
})
