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
