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

  describe('GitLab version', () => {
    const arrayOptions =
      'spec:\n  inputs:\n    tags:\n      type: array\n      default: [docker]\n      options: [docker, linux]\n---\njob:\n  tags: $[[ inputs.tags ]]\n'
    const splitting =
      "spec:\n  inputs:\n    tags:\n      default: 'docker, linux'\n---\njob:\n  tags: \"$[[ inputs.tags | split(',') ]]\"\n"
    const flag = ['ci_interpolation_split_function']

    it('renders as 19.2 unless told otherwise', () => {
      expect(render(arrayOptions)).toMatchObject({ ok: true, config: { job: { tags: ['docker'] } } })
    })

    it('rejects array options as 18.11 and checks their elements from 19.0', () => {
      expect(render(arrayOptions, { gitlabVersion: '18.11' })).toMatchObject({
        ok: false,
        error: '`tags` input: Options can only be used with string and number inputs',
      })
      expect(render(arrayOptions, { gitlabVersion: '19.0', inputs: { tags: ['gpu'] } })).toMatchObject({
        ok: false,
        error: '`tags` input: gpu cannot be used because it is not in the list of allowed options',
      })
    })

    it('has split only from 19.2 and only with its flag', () => {
      const noMatch =
        "no function matching `split(',')`: check that the function name, arguments, and types are correct"
      expect(render(splitting, { gitlabVersion: '19.2', featureFlags: flag })).toMatchObject({
        ok: true,
        config: { job: { tags: ['docker', 'linux'] } },
      })
      expect(render(splitting, { gitlabVersion: '19.2' })).toMatchObject({ ok: false, error: noMatch })
      expect(render(splitting, { gitlabVersion: '18.11' })).toMatchObject({ ok: false, error: noMatch })
      expect(render(splitting, { gitlabVersion: '19.1', featureFlags: flag })).toMatchObject({
        ok: false,
        errors: [{ code: 'FEATURE_FLAG_UNAVAILABLE' }],
      })
    })

    it('reports an unsupported version as data', () => {
      expect(render(arrayOptions, { gitlabVersion: '17.0' })).toMatchObject({
        ok: false,
        errors: [{ code: 'GITLAB_VERSION_UNSUPPORTED' }],
      })
    })
  })
})
