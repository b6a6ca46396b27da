import { describe, expect, it } from 'vitest'
import { findBlocks } from './find-blocks.js'

describe('findBlocks', () => {
  it('reports each block with its access, functions and offsets', () => {
    const text = 'echo $[[ inputs.name | expand_vars | posix_escape ]] and $[[inputs.list[1]]]'
    expect(findBlocks(text)).toEqual([
      {
        text: '$[[ inputs.name | expand_vars | posix_escape ]]',
        access: 'inputs.name',
        functions: ['expand_vars', 'posix_escape'],
        start: 5,
        end: 52,
      },
      { text: '$[[inputs.list[1]]', access: 'inputs.list[1', functions: [], start: 57, end: 75 },
    ])
  })

  it('finds nothing without two non-space characters inside', () => {
    expect(findBlocks('$[[ a ]]')).toEqual([])
    expect(findBlocks('$[[]]')).toEqual([])
  })

  it('matches lazily up to the first `]]` that completes a block, even a later one', () => {
    expect(findBlocks('$[[ a ]] $[[ ]]').map((block) => block.access)).toEqual(['a ]] $[['])
  })

  it('counts offsets in UTF-16 code units, as JavaScript strings do', () => {
    expect(findBlocks('é $[[ inputs.x ]]')[0]?.start).toBe(2)
  })
})
