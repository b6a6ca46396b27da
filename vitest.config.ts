import { defineConfig } from 'vitest/config'

// `npx vitest` from the root runs every package's tests; turbo runs them per package.
export default defineConfig({ test: { projects: ['packages/*'] } })
