import { describe, expect, it } from 'vitest'
import { compareCatalogs, compareComponent } from './compare-catalogs.js'

const JOB = `'$[[ inputs.job_name ]]':\n  stage: build\n  script:\n    - echo "$[[ inputs.tag ]]"\n`

/** A component template: `inputs` is the YAML under `spec: inputs:` (4-space indented), then `jobs`. */
function template(inputs: string, jobs = JOB): string {
  return `spec:\n  inputs:\n    job_name:\n      default: build-image\n${inputs}\n---\n${jobs}`
}

const TAG = `    tag:\n      default: latest\n      description: 'The tag.'`

describe('compareComponent: one rule per case', () => {
  const cases: { name: string; before: string; after: string; expected: [string, string][] }[] = [
    { name: 'identical text', before: template(TAG), after: template(TAG), expected: [] },
    {
      name: 'removed input',
      before: template(`${TAG}\n    ttl:\n      default: 1h`),
      after: template(TAG),
      expected: [['major', 'input `ttl` was removed']],
    },
    {
      name: 'renamed input (one removed, one added)',
      before: template(`${TAG}\n    ttl:\n      default: 1h`),
      after: template(`${TAG}\n    cache_ttl:\n      default: 1h`),
      expected: [
        ['major', 'input `ttl` was removed (renamed to `cache_ttl`?)'],
        ['minor', 'new optional input `cache_ttl`'],
      ],
    },
    {
      name: 'changed type',
      before: template(`${TAG}\n    retries:\n      default: '3'`),
      after: template(`${TAG}\n    retries:\n      type: number\n      default: 3`),
      expected: [['major', 'input `retries` changed type from string to number']],
    },
    {
      name: 'new required input',
      before: template(TAG),
      after: template(`${TAG}\n    registry:\n      description: 'Where to push.'`),
      expected: [['major', 'new required input `registry` (no default)']],
    },
    {
      name: 'default removed: the input became required',
      before: template(TAG),
      after: template(`    tag:\n      description: 'The tag.'`),
      expected: [['major', 'input `tag` lost its default and is now required']],
    },
    {
      name: 'new optional input',
      before: template(TAG),
      after: template(`${TAG}\n    platforms:\n      default: linux/amd64`),
      expected: [['minor', 'new optional input `platforms`']],
    },
    {
      name: 'options added where there were none (narrowed)',
      before: template(TAG),
      after: template(`${TAG}\n      options: [latest, stable]`),
      expected: [['major', 'input `tag` now only accepts the options latest, stable']],
    },
    {
      name: 'option removed',
      before: template(`${TAG}\n      options: [latest, stable, edge]`),
      after: template(`${TAG}\n      options: [latest, stable]`),
      expected: [['major', 'input `tag` no longer accepts the option(s) edge']],
    },
    {
      name: 'option added (widened)',
      before: template(`${TAG}\n      options: [latest, stable]`),
      after: template(`${TAG}\n      options: [latest, stable, edge]`),
      expected: [['patch', 'input `tag` accepts more options']],
    },
    {
      name: 'options dropped (any value now)',
      before: template(`${TAG}\n      options: [latest, stable]`),
      after: template(TAG),
      expected: [['patch', 'input `tag` no longer restricts its value to options']],
    },
    {
      name: 'regex added',
      before: template(TAG),
      after: template(`${TAG}\n      regex: ^[a-z]+$`),
      expected: [['major', 'input `tag` now has to match the regex ^[a-z]+$']],
    },
    {
      name: 'regex changed, even to a looser one (cannot be proven a superset)',
      before: template(`${TAG}\n      regex: ^[a-z]+$`),
      after: template(`${TAG}\n      regex: ^[a-z0-9]+$`),
      expected: [['major', 'input `tag` regex changed from ^[a-z]+$ to ^[a-z0-9]+$ (treated as tightened)']],
    },
    {
      name: 'regex removed',
      before: template(`${TAG}\n      regex: ^[a-z]+$`),
      after: template(TAG),
      expected: [['patch', 'input `tag` no longer has to match a regex']],
    },
    {
      name: 'default changed',
      before: template(TAG),
      after: template(`    tag:\n      default: stable\n      description: 'The tag.'`),
      expected: [
        ['patch', 'input `tag` default changed from latest to stable'],
        ['patch', 'job `build-image` changed'],
      ],
    },
    {
      name: 'description changed',
      before: template(TAG),
      after: template(`    tag:\n      default: latest\n      description: 'The image tag.'`),
      expected: [['patch', 'input `tag` description changed']],
    },
    {
      name: 'job removed (keys rendered with defaults)',
      before: template(TAG, `${JOB}'$[[ inputs.job_name ]]-verify':\n  script: [true]\n`),
      after: template(TAG),
      expected: [['major', 'job `build-image-verify` was removed']],
    },
    {
      name: 'new job',
      before: template(TAG),
      after: template(TAG, `${JOB}'$[[ inputs.job_name ]]-verify':\n  script: [true]\n`),
      expected: [['minor', 'new job `build-image-verify`']],
    },
    {
      name: 'job removed, compared by raw keys when a required input prevents rendering',
      before: template(
        `    tag:\n      description: 'Required.'`,
        `${JOB}'.hidden-$[[ inputs.tag ]]':\n  script: [true]\n`,
      ),
      after: template(`    tag:\n      description: 'Required.'`),
      expected: [['major', 'job `.hidden-$[[ inputs.tag ]]` was removed']],
    },
    {
      name: 'job body changed',
      before: template(TAG),
      after: template(TAG, JOB.replace('stage: build', 'stage: test')),
      expected: [['patch', 'job `build-image` changed']],
    },
    {
      name: 'comment-only change',
      before: template(TAG),
      after: `# Builds an image.\n${template(TAG)}`,
      expected: [['patch', 'template text changed (no change to inputs or jobs)']],
    },
  ]

  it.each(cases)('$name', ({ before, after, expected }) => {
    const reasons = compareComponent('kaniko', before, after).map((reason) => [reason.level, reason.message])
    expect(reasons).toEqual(expected)
  })

  it('job renamed through the default of its name input: the old job name is gone (major)', () => {
    const reasons = compareComponent(
      'kaniko',
      template(TAG),
      template(TAG).replace('default: build-image', 'default: build'),
    )
    expect(reasons.map((reason) => [reason.level, reason.message])).toEqual([
      ['patch', 'input `job_name` default changed from build-image to build'],
      ['major', 'job `build-image` was removed'],
      ['minor', 'new job `build`'],
    ])
  })

  it('a job named like a global keyword is not a job', () => {
    const reasons = compareComponent(
      'kaniko',
      template(TAG),
      template(TAG).replace('default: build-image', 'default: image'),
    )
    expect(reasons.map((reason) => reason.message)).toContain('job `build-image` was removed')
    expect(reasons.map((reason) => reason.message)).not.toContain('new job `image`')
  })

  const withRules = (options: string) =>
    template(
      `${TAG}\n    mode:\n      rules:\n        - if: $[[ inputs.tag ]] == "latest"\n          options: [${options}]\n          default: a\n        - default: b`,
    )

  it('rules changed on an existing input: breaking, since they can narrow options', () => {
    const reasons = compareComponent('kaniko', withRules('a, b'), withRules('a'))
    expect(reasons.map((reason) => [reason.level, reason.message])).toEqual([
      ['major', 'input `mode` `rules` changed (treated as breaking: options or defaults may be narrower)'],
    ])
  })

  it('a new input whose rules always end in a default is optional', () => {
    const reasons = compareComponent('kaniko', template(TAG), withRules('a, b'))
    expect(reasons.map((reason) => [reason.level, reason.message])).toEqual([
      ['minor', 'new optional input `mode`'],
    ])
  })

  it('a spec that cannot be read any more is major, quoting the engine', () => {
    const reasons = compareComponent(
      'kaniko',
      template(TAG),
      'spec:\n  inputs:\n    tag:\n      typo: 1\n---\njob: {script: [x]}\n',
    )
    expect(reasons).toHaveLength(1)
    expect(reasons[0]?.level).toBe('major')
    expect(reasons[0]?.message).toMatch(
      /^the spec cannot be read \(.*typo.*\), so the change cannot be proven compatible$/,
    )
  })
})

describe('compareCatalogs', () => {
  it('adds component-level changes and takes the highest level', () => {
    const result = compareCatalogs(
      [
        { name: 'kaniko', source: template(TAG) },
        { name: 'old', source: template(TAG) },
      ],
      [
        { name: 'kaniko', source: template(`${TAG}\n    platforms:\n      default: linux/amd64`) },
        { name: 'buildah', source: template(TAG) },
      ],
    )
    expect(result).toEqual({
      level: 'major',
      reasons: [
        { level: 'minor', component: 'buildah', message: 'new component' },
        { level: 'minor', component: 'kaniko', message: 'new optional input `platforms`' },
        { level: 'major', component: 'old', message: 'component was removed' },
      ],
    })
  })

  it('is none when nothing changed', () => {
    expect(
      compareCatalogs([{ name: 'a', source: template(TAG) }], [{ name: 'a', source: template(TAG) }]),
    ).toEqual({
      level: 'none',
      reasons: [],
    })
  })
})
