import { describe, expect, it } from 'vitest'
import { parseYaml, YamlReference } from './parse-yaml.js'

describe('parseYaml', () => {
  it('keeps !reference tags as YamlReference', () => {
    const result = parseYaml('job:\n  script: !reference [.setup, script]\n')
    expect(result.ok && (result.value as { job: { script: unknown } }).job.script).toEqual(
      new YamlReference(['.setup', 'script']),
    )
  })

  it('treats a recursive alias as too big instead of looping', () => {
    expect(parseYaml('a: &a\n  b: *a\n')).toMatchObject({ ok: false, error: 'The parsed YAML is too big' })
  })

  it('returns the first document only, as Psych.parse does', () => {
    expect(parseYaml('a: 1\n---\nb: 2\n')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('gives an error string and data for syntax errors', () => {
    const result = parseYaml('a: [1, 2\n')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatch(/^\(<unknown>\): .* at line \d+ column \d+$/)
    expect(result.errors[0]?.code).toBe('YAML_SYNTAX_ERROR')
  })
})

describe('parseYaml !!binary', () => {
  it('decodes to text, never a Buffer object (Psych gives a String)', () => {
    expect(parseYaml('a: !!binary aGVsbG8=\nb: !!binary |\n  aGVs\n  bG8=\nc: !!binary /w==\n')).toEqual({
      ok: true,
      value: { a: 'hello', b: 'hello', c: '\u00ff' },
    })
  })
})

describe('parseYaml keys', () => {
  it('keeps a __proto__ key as data and never touches the prototype', () => {
    const result = parseYaml('__proto__: { polluted: true }\nbase: &b { __proto__: 1 }\njob: { <<: *b }\n')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const value = result.value as Record<string, Record<string, unknown>>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value)).toEqual(['__proto__', 'base', 'job'])
    expect(Object.hasOwn(value.job as object, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('reads -0 as 0', () => {
    expect(Object.is((parseYaml('a: -0\n') as { value: { a: number } }).value.a, 0)).toBe(true)
  })
})

describe('parseYaml size limits (Gitlab::Config::Loader::Yaml)', () => {
  it('yaml_spec.rb › when yaml size is too large (billion laughs)', () => {
    const laughs = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, i) => {
        const previous = 'abcdefghi'[i] as string
        return `${name}: &${name} [${Array.from({ length: 9 }, () => `*${previous}`).join(',')}]`
      }),
    ].join('\n')
    expect(parseYaml(laughs)).toMatchObject({ ok: false, error: 'The parsed YAML is too big' })
  })

  it('yaml_spec.rb › when yaml has cyclic data structure', () => {
    expect(parseYaml('--- &1\n- hi\n- *1\n')).toMatchObject({
      ok: false,
      error: 'The parsed YAML is too big',
    })
  })

  it('yaml_spec.rb › when raw yaml content is too large', () => {
    expect(parseYaml('a'.repeat(3 * 1024 * 1024))).toMatchObject({
      ok: false,
      error: 'The provided YAML is too big',
    })
  })

  it('yaml_spec.rb › when there is an unknown alias', () => {
    expect(parseYaml('steps: *bad_alias')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown .+ bad_alias/i),
    })
  })

  it('yaml_spec.rb › HTML content with a syntax error is an invalid configuration format', () => {
    const html =
      '<!-- BEGIN app/views/layouts/devise.html.haml -->\n<!DOCTYPE html>\n<html lang="en">\n<head><title>Sign in</title></head>\n<body>\n<form action="/users/sign_in" method="post">\n<label for="user_login">Username: or email</label>\n</form>\n</body>\n</html>\n'
    expect(parseYaml(html)).toMatchObject({ ok: false, error: 'Invalid configuration format' })
  })

  it('100 nested collections are fine, 101 are too deep (DeepSize counts containers)', () => {
    expect(parseYaml(`a: ${'['.repeat(99)}1${']'.repeat(99)}`).ok).toBe(true)
    expect(parseYaml(`a: ${'['.repeat(100)}1${']'.repeat(100)}`)).toMatchObject({ ok: false })
  })
})
