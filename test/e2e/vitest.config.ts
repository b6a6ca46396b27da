// The end-to-end suite: real registry, Docker Engine, BuildKit, kaniko, buildah, cosign, in containers. Three test
// files at a time: a job mostly waits (a service starting, a push), and every run keeps to its own registry
// namespace, container names and proxy target path, so the files do not see each other's work. Measured one after
// the other on 2 cores: two files at a time took 376 s with the cores 67 % busy, three 283 s at 82 %. Long
// timeouts: each scenario is a real build.
import { defineConfig } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    reporters: ['verbose'],
  },
})
