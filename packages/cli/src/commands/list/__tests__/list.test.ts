import { memoryIo } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from '../../site/__tests__/fixture.js'

describe('catalog list', () => {
  it('prints a table of components with the latest release and required inputs', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['list'], io)).toBe(0)
    expect(io.out).toBe(
      [
        'COMPONENT  LATEST  REQUIRED INPUTS        SUMMARY',
        'buildah    1.1.0   -                      -',
        'kaniko     1.1.0   image_name, cache_ttl  Daemonless image build with kaniko.',
        '',
      ].join('\n'),
    )
  })

  it('prints JSON with --json', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['list', '--json'], io)).toBe(0)
    expect(JSON.parse(io.out)).toEqual([
      {
        name: 'buildah',
        latestVersion: '1.1.0',
        requiredInputs: [],
        inputs: 1,
        privileged: false,
        summary: '',
        problems: [],
      },
      {
        name: 'kaniko',
        latestVersion: '1.1.0',
        requiredInputs: ['image_name', 'cache_ttl'],
        inputs: 4,
        privileged: false,
        summary: 'Daemonless image build with kaniko.',
        problems: [],
      },
    ])
  })

  it('rejects stray arguments', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['list', 'kaniko'], io)).toBe(2)
    expect(io.err).toMatch(/^catalog: unexpected argument `kaniko`\n/)
  })
})
