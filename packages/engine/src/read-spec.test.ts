import { describe, expect, it } from 'vitest'
import { readSpec } from './read-spec.js'

const source = `spec:
  inputs:
    stage:
      default: test
    tags:
      type: array
---
job:
  stage: $[[ inputs.stage ]]
`

describe('readSpec', () => {
  it('returns the spec with input key ranges and the content text and offset', () => {
    const result = readSpec(source)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.spec?.inputs.stage?.range).toEqual([source.indexOf('stage'), source.indexOf('stage') + 5])
    expect(source.slice(...(result.spec?.inputs.tags?.range ?? [0, 0]))).toBe('tags')
    expect(result.spec?.inputs.tags).toMatchObject({ type: 'array', typeDeclared: true, hasDefault: false })
    expect(result.spec?.inputs.stage).toMatchObject({
      type: 'string',
      typeDeclared: false,
      hasDefault: true,
      default: 'test',
    })
    expect(result.content).toEqual({
      text: 'job:\n  stage: $[[ inputs.stage ]]\n',
      offset: source.indexOf('job:'),
    })
  })

  it('has no spec for a file without a header', () => {
    expect(readSpec('job: x\n')).toEqual({ ok: true, spec: null, content: { text: 'job: x\n', offset: 0 } })
  })

  it('reports header errors as data, at most three joined', () => {
    const result = readSpec(
      'spec:\n  inputs:\n    a: { type: x }\n    b: { type: y }\n    c: { type: z }\n    d: { type: w }\n---\nj: 1\n',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(4)
    expect(result.error).toBe(
      'header:spec:inputs:a input type unknown value: x, header:spec:inputs:b input type unknown value: y, header:spec:inputs:c input type unknown value: z',
    )
    expect(result.errors[0]).toMatchObject({ code: 'HEADER_INVALID', range: [20, 21] })
  })

  it('never throws on binary or non-string input', () => {
    expect(readSpec('\u0000\u0001binary').ok).toBe(false)
    expect(readSpec(42 as unknown as string).ok).toBe(false)
  })
})
