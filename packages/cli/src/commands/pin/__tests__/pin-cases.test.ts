import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from './catalog-repo.js'

// One folder per case under cases/: `args` (extra flags for `catalog pin`) and `expected/`, the consumer files
// as they must read afterwards, written by hand; `expected/stdout.txt` when the output is checked too. All
// cases start from the same sample consumer in consumer/. `{{sha:<tag>}}` stands for the commit of that tag
// in the freshly built catalog repository.
const here = fileURLToPath(new URL('.', import.meta.url))
const consumerDir = join(here, 'consumer')
const casesDir = join(here, 'cases')

function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry)
      if (statSync(path).isDirectory()) walk(path)
      else files[relative(dir, path)] = readFileSync(path, 'utf8')
    }
  }
  walk(dir)
  return files
}

const withShas = (text: string, shas: Record<string, string>) =>
  text.replace(/\{\{sha:([^}]+)\}\}/g, (_, tag: string) => shas[tag] ?? `unknown tag ${tag}`)

describe('catalog pin', () => {
  it.each(readdirSync(casesDir))('%s', async (name) => {
    const catalog = catalogRepo()
    const consumer = testdir(
      Object.fromEntries(
        Object.entries(readTree(consumerDir)).map(([path, text]) => [path, withShas(text, catalog.shas)]),
      ),
    )
    const args = readFileSync(join(casesDir, name, 'args'), 'utf8')
      .trim()
      .split(/\s+/)
    const io = memoryIo(consumer)

    const code = await main(
      ['pin', '--catalog', 'my-group/container-build', '--checkout', catalog.root, ...args],
      io,
    )

    expect(io.err).toBe('')
    expect(code).toBe(0)
    const expected = readTree(join(casesDir, name, 'expected'))
    const { 'stdout.txt': stdout, ...files } = expected
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(join(consumer, path), 'utf8'), path).toBe(text)
    }
    if (stdout !== undefined) expect(io.out).toBe(withShas(stdout, catalog.shas))
    expect(Object.keys(readTree(consumer)).sort()).toEqual(Object.keys(files).sort())
  })

  it('has cases to run', () => {
    expect(existsSync(casesDir) && readdirSync(casesDir).length).toBeGreaterThanOrEqual(5)
  })
})
