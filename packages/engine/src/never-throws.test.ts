import { describe, expect, it } from 'vitest'
import { findBlocks, parseYaml, readSpec, render } from './index.js'

/** A small seeded generator, so a failure is reproducible from its seed. */
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const FRAGMENTS = [
  'spec:\n',
  '  inputs:\n',
  '    x:\n',
  '      type: array\n',
  '      default: [a, b]\n',
  '      rules:\n',
  '        - if: $[[ inputs.x ]] == "a"\n',
  '          default: a\n',
  '---\n',
  'job:\n',
  '  script: ',
  '$[[ inputs.x ]]',
  '$[[ inputs.x[0] ]]',
  '$[[ inputs.x | truncate(0,1) | posix_escape ]]',
  '$[[ matrix.A ]]',
  '$[[',
  ']]',
  '[',
  ']',
  '{',
  '}',
  '&a ',
  '*a',
  '<<: *a\n',
  '!reference [a]',
  ':',
  '- ',
  '"',
  "'",
  '\t',
  '\n',
  '#',
  '%',
  '|',
  '>',
  '@',
  '`',
  '\u0000',
  'é',
  '1.5',
  'yes',
  '~',
  '2024-01-01',
  ' ',
]

describe('the public functions never throw', () => {
  it.each(Array.from({ length: 40 }, (_, seed) => seed))('random document, seed %i', (seed) => {
    const random = generator(seed)
    for (let round = 0; round < 25; round++) {
      let source = ''
      const length = Math.floor(random() * 40)
      for (let i = 0; i < length; i++) source += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]
      const inputs = [undefined, { x: ['a'] }, { x: 'a' }, 'not a hash', { y: 1 }][Math.floor(random() * 5)]
      expect(() => {
        const rendered = render(source, { inputs, variables: { A: { value: 'x', masked: true } } })
        expect(typeof rendered.ok).toBe('boolean')
        if (!rendered.ok) expect(typeof rendered.error).toBe('string')
        expect(typeof readSpec(source).ok).toBe('boolean')
        expect(typeof parseYaml(source).ok).toBe('boolean')
        findBlocks(source)
      }, JSON.stringify(source)).not.toThrow()
    }
  })
})
