import { describe, expect, it } from 'vitest'
import { findGitlabFeatures } from './find-gitlab-features.js'

const features = (source: string) => findGitlabFeatures(source).map((use) => `${use.feature} ${use.subject}`)

describe('findGitlabFeatures', () => {
  it('finds header features with the key that uses them', () => {
    const source = [
      'spec:',
      '  description: Builds.',
      '  component: [name]',
      '  inputs:',
      '    tags:',
      '      type: array',
      '      default: [docker]',
      '      options: [docker, linux]',
      '    target:',
      "      default: ''",
      '      regex: ^[a-z]*$',
      '    size:',
      '      rules:',
      '        - if: $[[ inputs.target ]] == "x"',
      '          default: null',
      '        - options: [s, m]',
      '          default: s',
      '---',
      'job: { script: x }',
      '',
    ].join('\n')
    expect(features(source)).toEqual([
      'spec-inputs spec',
      'spec-description spec:description',
      'spec-component spec:component',
      'array-options `tags`',
      'regex-empty-default `target`',
      'spec-inputs-rules `size`',
      'rules-default-null `size`',
    ])
    const tags = findGitlabFeatures(source).find((use) => use.feature === 'array-options')
    expect(source.slice(...(tags?.range ?? [0, 0]))).toBe('tags')
  })

  it('finds function and index features in content scalars, keys included, but not in comments', () => {
    const source = [
      'spec:',
      '  inputs:',
      '    list: { type: array, default: [a] }',
      '    text: { default: a }',
      '---',
      '# $[[ inputs.text | split(",") ]] in a comment is not a block',
      '"$[[ inputs.list[0] ]]-job":',
      '  tags: "$[[ inputs.text | split(\',\') ]]"',
      '  script: echo $[[ inputs.text | posix_escape ]]',
      '',
    ].join('\n')
    expect(features(source)).toEqual([
      'spec-inputs spec',
      'array-index $[[ inputs.list[0] ]]',
      "split $[[ inputs.text | split(',') ]]",
      'posix-escape $[[ inputs.text | posix_escape ]]',
    ])
    const split = findGitlabFeatures(source).find((use) => use.feature === 'split')
    expect(source.slice(...(split?.range ?? [0, 0]))).toBe(`"$[[ inputs.text | split(',') ]]"`)
  })

  it('does not count a regex that cannot match an empty default (that fails in every version)', () => {
    expect(
      features("spec:\n  inputs:\n    t:\n      default: ''\n      regex: ^[a-z]+$\n---\njob: x\n"),
    ).toEqual(['spec-inputs spec'])
  })

  it('finds nothing in a file without a header, with an invalid header or that does not load', () => {
    expect(findGitlabFeatures('job:\n  script: $[[ inputs.x | split(",") ]]\n')).toEqual([])
    expect(findGitlabFeatures('spec:\n  nope: 1\n---\njob: x\n')).toEqual([])
    expect(findGitlabFeatures('job: [\n')).toEqual([])
  })
})
