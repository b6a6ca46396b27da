import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { yamlReferenceTag } from './parse-yaml.js'
import { render } from './render.js'

describe('render', () => {
  it('handles an input named __proto__ as an ordinary name', () => {
    const result = render("spec:\n  inputs:\n    __proto__:\n---\njob: '$[[ inputs.__proto__ ]]'\n", {
      inputs: JSON.parse('{"__proto__": "x"}'),
    })
    expect(result).toMatchObject({ ok: true, config: { job: 'x' } })
  })

  it('requires an input named __proto__ like any other', () => {
    expect(render('spec:\n  inputs:\n    __proto__:\n---\njob: x\n')).toMatchObject({
      ok: false,
      error: '`__proto__` input: required value has not been provided',
    })
  })

  it('exposes only the component fields listed in spec:component, including a null version', () => {
    const source = 'spec:\n  component: [version]\n---\njob: $[[ component.version ]]\n'
    expect(render(source, { component: { name: 'c', version: null } })).toMatchObject({
      ok: true,
      config: { job: null },
    })
  })

  it('returns the spec it validated', () => {
    const result = render('spec:\n  inputs:\n    a:\n      default: 1\n---\njob: $[[ inputs.a ]]\n')
    expect(result.ok && result.spec?.inputs.a?.default).toBe(1)
  })

  it('leaves !reference values alone', () => {
    const result = render(
      "spec:\n  inputs:\n    x:\n      default: y\n---\njob:\n  script: !reference ['.$[[ inputs.x ]]', script]\n",
    )
    expect(result.ok && JSON.stringify(result.config)).toBe(
      '{"job":{"script":{"!reference":[".$[[ inputs.x ]]","script"]}}}',
    )
  })

  it('writes !reference back as a tag with yamlReferenceTag', () => {
    const result = render('job:\n  script: !reference [.setup, script]\n')
    expect(result.ok && stringify(result.config, { customTags: [yamlReferenceTag] })).toBe(
      'job:\n  script: !reference [ .setup, script ]\n',
    )
  })
})
