import { describe, expect, it } from 'vitest'
import {
  rubyGsub,
  rubyInspect,
  rubyNumberToS,
  rubySplit,
  rubySplitLimit,
  rubyStrip,
  rubyToS,
} from './util-ruby.js'

describe('rubyToS / rubyInspect (Ruby 3.3)', () => {
  it.each([
    ['a string is itself', 'a"b', 'a"b'],
    ['nil is empty', null, ''],
    ['booleans', true, 'true'],
    ['integers', 6, '6'],
    ['floats', 6.6, '6.6'],
    ['small floats use exponent notation', 0.00001, '1.0e-05'],
    ['0.0001 stays fixed', 0.0001, '0.0001'],
    ['large floats use exponent notation', 1.5e20, '1.5e+20'],
    ['arrays inspect their items', ['a', 1, null, true], '["a", 1, nil, true]'],
    ['hashes use symbol keys and =>', { if: 'x', 'needs-quote': [] }, '{:if=>"x", :"needs-quote"=>[]}'],
    [
      'strings escape quotes, backslashes and control characters',
      ['a"\\\n\t\u0001'],
      '["a\\"\\\\\\n\\t\\u0001"]',
    ],
    ['#{ is escaped in inspect', ['#{x} #$y #@z #a'], '["\\#{x} \\#$y \\#@z #a"]'],
    ['non-ASCII text is kept', ['é'], '["é"]'],
  ])('%s', (_name, value, expected) => {
    expect(rubyToS(value)).toBe(expected)
  })

  it('prints infinity and NaN like Float#to_s', () => {
    expect(rubyNumberToS(Number.POSITIVE_INFINITY)).toBe('Infinity')
    expect(rubyNumberToS(Number.NaN)).toBe('NaN')
    expect(rubyInspect(-2.5e-7)).toBe('-2.5e-07')
  })
})

describe('rubyGsub with a String pattern', () => {
  it.each([
    ['plain replacement, every occurrence', 'a-X-b-X', 'X', 'y', 'a-y-b-y'],
    ['\\\\ becomes one backslash', 'a X b', 'X', 'p\\\\q', 'a p\\q b'],
    ['\\0 and \\& insert the match', 'a X b', 'X', '[\\0|\\&]', 'a [X|X] b'],
    ["\\` and \\' insert the text before and after", 'a X b', 'X', "<\\`|\\'>", 'a <a | b> b'],
    ['\\1 has no group and inserts nothing', 'a X b', 'X', '1\\12', 'a 12 b'],
    ['other pairs are kept', 'a X b', 'X', '\\n\\d', 'a \\n\\d b'],
    ['a trailing backslash is kept', 'X', 'X', 'a\\', 'a\\'],
  ])('%s', (_name, subject, pattern, replacement, expected) => {
    expect(rubyGsub(subject, pattern, replacement)).toBe(expected)
  })
})

describe('Ruby string helpers', () => {
  it('split drops trailing empty strings but keeps leading and inner ones', () => {
    expect(rubySplit('a||b|', '|')).toEqual(['a', '', 'b'])
    expect(rubySplit('|a', '|')).toEqual(['', 'a'])
    expect(rubySplit('', '|')).toEqual([])
  })

  it('split with a limit keeps the rest in the last part', () => {
    expect(rubySplitLimit('a.b.c.d.e.f.g', '.', 5)).toEqual(['a', 'b', 'c', 'd', 'e.f.g'])
    expect(rubySplitLimit('inputs.', '.', 5)).toEqual(['inputs', ''])
  })

  it('strip removes ASCII whitespace and NUL only', () => {
    expect(rubyStrip(' \t a b \n\0')).toBe('a b')
    expect(rubyStrip('\u00a0a')).toBe('\u00a0a')
  })
})
