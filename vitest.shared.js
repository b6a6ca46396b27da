// Tests run on sources: every @catalog/<pkg> import resolves to packages/<pkg>/src, so no build is needed first.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url))

export const sourceAliases = Object.fromEntries(
  readdirSync(packagesDir).map((name) => [`@catalog/${name}`, `${packagesDir}${name}/src/index.ts`]),
)
