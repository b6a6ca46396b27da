import { describe, expect, it } from 'vitest'
import { splitDocuments } from './split-documents.js'

describe('splitDocuments (/^---\\s+/, limit 3)', () => {
  it('splits on a divider at a line start followed by whitespace, and records offsets', () => {
    const source = 'spec: {}\n---\njob: x\n'
    expect(splitDocuments(source)).toEqual([
      { text: 'spec: {}\n', offset: 0 },
      { text: 'job: x\n', offset: 13 },
    ])
  })

  it('cuts into at most three pieces', () => {
    expect(splitDocuments('--- a\n--- b\n--- c\n--- d\n').map((piece) => piece.text)).toEqual([
      '',
      'a\n',
      'b\n--- c\n--- d\n',
    ])
  })

  it('does not split on ---x, on --- inside a line or on --- at the very end', () => {
    expect(splitDocuments('a: 1\n---b: 2\nc: "x --- y"\n---')).toHaveLength(1)
  })

  it('consumes all whitespace after the divider, newlines included', () => {
    expect(splitDocuments('a\n---  \n\n  b')[1]).toEqual({ text: 'b', offset: 11 })
  })
})
