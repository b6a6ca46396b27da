// Unit tests of the scripts and of the e2e runner's pure parts: no stack, no root, part of `npm test`.
import { defineConfig } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['scripts/**/*.test.ts', 'test/e2e/runner/**/*.test.ts'],
  },
})
