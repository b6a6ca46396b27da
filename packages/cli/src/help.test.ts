import { memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from './index.js'

const commands = [
  'render',
  'validate',
  'docs',
  'changeset',
  'release',
  'site',
  'list',
  'show',
  'pin',
  'outdated',
]

describe('--help', () => {
  it.each(commands)('`catalog %s --help` prints its usage on stdout and exits 0', async (command) => {
    const io = memoryIo(testdir())
    expect(await main([command, '--help'], io)).toBe(0)
    expect(io.err).toBe('')
    expect(io.out).toMatch(new RegExp(`^Usage: catalog ${command}\\b`))
    expect(io.out.endsWith('\n')).toBe(true)
  })

  it('-h is the same as --help, even after other flags', async () => {
    const io = memoryIo(testdir())
    expect(await main(['list', '--json', '-h'], io)).toBe(0)
    expect(io.out).toMatch(/^Usage: catalog list/)
  })
})
