import { describe, expect, it } from 'vitest'
import { render } from './render.js'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part)] : part)))

// Expected messages: Ruby 3.1, Psych 4.0.3, libyaml 0.2.5, `YAML.safe_load` of the same bytes (a reader error has no
// context mark, so Psych always says line 1 column 1).
describe('invalid UTF-8 is rejected with the error Psych raises, not replaced', () => {
  it.each([
    ['a leading 0xFF', bytes('a: ', [0xff], '\n'), 'invalid leading UTF-8 octet'],
    ['a lead byte without its trailing byte', bytes('a: ', [0xc3], '(\n'), 'invalid trailing UTF-8 octet'],
    ['an overlong sequence', bytes('a: ', [0xe0, 0x80, 0x80], '\n'), 'invalid length of a UTF-8 sequence'],
    ['a UTF-16 surrogate', bytes('a: ', [0xed, 0xa0, 0x80], '\n'), 'invalid Unicode character'],
    ['a sequence cut by the end of the file', bytes('a: ', [0xe2, 0x82]), 'incomplete UTF-8 octet sequence'],
    ['a bad byte on a later line', bytes('ok: 1\nb: x', [0xfe], 'y\n'), 'invalid leading UTF-8 octet'],
  ])('%s', (_, source, problem) => {
    expect(render(source)).toMatchObject({ ok: false, error: `(<unknown>): ${problem} at line 1 column 1` })
  })

  it('valid UTF-8 bytes render as their text', () => {
    expect(render(bytes('a: "été"\n'))).toMatchObject({ ok: true, config: { a: 'été' } })
  })

  it('a syntax error in the header is reported before a bad byte in the content', () => {
    const source = bytes('spec: [\n---\njob: ', [0xff], '\n')
    expect(render(source)).toMatchObject({ ok: false, error: expect.stringContaining('flow sequence') })
  })

  it('a bad byte in the header is reported before a syntax error in the content', () => {
    const source = bytes('spec:\n  inputs: {}\n# ', [0xff], '\n---\njob: [\n')
    expect(render(source)).toMatchObject({
      ok: false,
      error: '(<unknown>): invalid leading UTF-8 octet at line 1 column 1',
    })
  })
})
