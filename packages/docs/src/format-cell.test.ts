import { describe, expect, it } from 'vitest'
import { code, formatCell, formatValue } from './format-cell.js'

describe('formatCell', () => {
  it('escapes pipes and turns line breaks into <br>', () => {
    expect(formatCell(' a | b\nc\r\nd ')).toBe('a \\| b<br>c<br>d')
  })
})

describe('code', () => {
  it('uses a longer fence when the text holds backticks', () => {
    expect(code('plain')).toBe('`plain`')
    expect(code('a `b` c')).toBe('``a `b` c``')
    expect(code('`edge`')).toBe('`` `edge` ``')
  })
})

describe('formatValue', () => {
  it('shows strings as written and everything else as JSON', () => {
    expect(formatValue('')).toBe('`""`')
    expect(formatValue('$CI_REGISTRY_IMAGE')).toBe('`$CI_REGISTRY_IMAGE`')
    expect(formatValue(3)).toBe('`3`')
    expect(formatValue(false)).toBe('`false`')
    expect(formatValue([{ if: '$CI_COMMIT_TAG' }])).toBe('`[{"if":"$CI_COMMIT_TAG"}]`')
  })
})
