// The end-to-end suite: real registry, Docker Engine, buildah, cosign, gitlab-ci-local. Sequential (the
// scenarios share one daemon and one registry) with long timeouts (each scenario is a real build).
import { defineConfig } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ['verbose'],
  },
})
