import { describe, expect, it } from 'vitest'
import { interpolateContent } from './interpolate-content.js'

// GitLab's own tests stub these constants (template_spec.rb, config_spec.rb); so do we, through `limits`.
const context = {
  data: { inputs: { env: 'dev', key: 'abc' }, component: {} },
  variables: {},
  target: { version: '18.11', featureFlags: new Set<string>() } as const,
}
const config = {
  test: { spec: { env: '$[[ inputs.env ]]' } },
  '$[[ inputs.key ]]': { name: '$[[ inputs.key ]]', script: 'my-value' },
}

describe('interpolateContent limits', () => {
  it('interpolates within the limits', () => {
    expect(interpolateContent(config, context)).toEqual({
      ok: true,
      value: { test: { spec: { env: 'dev' } }, abc: { name: 'abc', script: 'my-value' } },
    })
  })

  it('template_spec.rb › when template is too large (MAX_NODES stubbed to 1)', () => {
    expect(interpolateContent(config, context, { maxNodes: 1 })).toEqual({
      ok: false,
      errors: [{ code: 'CONFIG_TOO_LARGE', message: 'config too large' }],
    })
  })

  it('template_spec.rb › when there are too many interpolation blocks (MAX_BLOCKS stubbed to 1)', () => {
    expect(interpolateContent(config, context, { maxBlocks: 1 })).toEqual({
      ok: false,
      errors: [{ code: 'TOO_MANY_BLOCKS', message: 'too many interpolation blocks' }],
    })
  })

  it('config_spec.rb › when node size is exceeded (MAX_NODE_SIZE stubbed to 1)', () => {
    expect(interpolateContent(config, context, { maxNodeSize: 1 })).toEqual({
      ok: false,
      errors: [{ code: 'CONFIG_NODE_TOO_LARGE', message: 'config node too large' }],
    })
  })

  it('counts every key twice (a Symbol, then its String) and every value once: 1 + 6 × 2 + 6 = 19 visits', () => {
    expect(interpolateContent(config, context, { maxNodes: 19 }).ok).toBe(true)
    expect(interpolateContent(config, context, { maxNodes: 18 }).ok).toBe(false)
  })
})
