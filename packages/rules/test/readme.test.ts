import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { ruleIds, rules } from '../src/index.js'

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
const sections = readme.split(/^### /m).slice(1)

it.each(ruleIds)('the README says what `%s` checks and how to silence it', (id) => {
  const section = sections.find((text) => (text.split('\n')[0] ?? '').includes(`\`${id}\``))
  expect(section, `no "### \`${id}\`" heading`).toBeDefined()
  expect(section).toMatch(new RegExp(`^\\*\\*${rules[id]?.category}\\b`, 'm'))
  expect(section).toContain('**Silence:**')
})
