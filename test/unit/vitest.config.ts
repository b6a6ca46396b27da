// Unit tests of the scripts, of the e2e runner's pure parts and of the templates as GitLab renders them: no stack,
// no root, part of `npm test`.
import { defineConfig } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: [
      'scripts/**/*.test.ts',
      'test/e2e/runner/**/*.test.ts',
      'test/pipelines/**/*.test.ts',
      'test/unit/**/*.test.ts',
    ],
    // These spawn real shells; on two busy cores a test can wait seconds for its turn.
    testTimeout: 30_000,
  },
})
