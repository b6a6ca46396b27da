// The end-to-end suite: real registry, Docker Engine, BuildKit, kaniko, buildah, cosign, in containers. Two test
// files at a time: a job mostly waits (a service starting, a push), and every run keeps to its own registry
// namespace, container names and proxy target path, so the files do not see each other's work. Long timeouts:
// each scenario is a real build.
import { defineConfig } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ['verbose'],
  },
})
