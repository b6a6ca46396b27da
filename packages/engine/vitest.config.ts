import { defineProject } from 'vitest/config'
import { sourceAliases } from '../../vitest.shared.js'

// truncateThreshold 0: case titles (`$source › $name`) are printed in full.
export default defineProject({
  resolve: { alias: sourceAliases },
  test: { chaiConfig: { truncateThreshold: 0 } },
})
