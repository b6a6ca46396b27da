import { describe, expect, it } from 'vitest'
import { oneComponentCatalog } from '../test/util-fixtures.js'
import { runRules } from './run-rules.js'
import { defaultConfig } from './validate-config.js'

const template = (header: string, job: string) => `spec:
  inputs:
${header}---
${job}`

async function findings(source: string) {
  const report = await runRules(
    oneComponentCatalog(source),
    {},
    {
      only: ['shell-injection', 'suppression-invalid'],
      config: defaultConfig('strict'),
    },
  )
  return { lines: report.findings.map((f) => `${f.line} ${f.rule}`), suppressed: report.suppressed }
}

const INPUT = '    tag:\n      default: latest\n'

describe('inline suppressions', () => {
  it('a finding without a suppression is reported', async () => {
    expect(await findings(template(INPUT, 'build:\n  script:\n    - echo $[[ inputs.tag ]]\n'))).toEqual({
      lines: ['8 shell-injection'],
      suppressed: 0,
    })
  })

  it.each([
    [
      'at the end of its line',
      'build:\n  script:\n    - echo $[[ inputs.tag ]]  # catalog-validate: ignore shell-injection tag is a version\n',
    ],
    [
      'on the comment line above it',
      'build:\n  script:\n    # catalog-validate: ignore shell-injection tag is a version\n    - echo $[[ inputs.tag ]]\n',
    ],
    [
      'on the job key',
      'build:  # catalog-validate: ignore shell-injection tags are versions here\n  script:\n    - echo $[[ inputs.tag ]]\n',
    ],
    [
      'above the job key',
      '# catalog-validate: ignore shell-injection,shellcheck tags are versions here\nbuild:\n  script:\n    - echo $[[ inputs.tag ]]\n',
    ],
  ])('one with a reason %s silences it', async (_, job) => {
    expect(await findings(template(INPUT, job))).toEqual({ lines: [], suppressed: 1 })
  })

  it("on the input's key, it silences the input everywhere it is pasted", async () => {
    const header =
      '    tag:  # catalog-validate: ignore shell-injection checked by a regex upstream\n      default: latest\n'
    const job = 'build:\n  script:\n    - echo $[[ inputs.tag ]]\n    - echo $[[ inputs.tag ]]-x\n'
    expect(await findings(template(header, job))).toEqual({ lines: [], suppressed: 2 })
  })

  it('one in another job does not reach this job', async () => {
    const job =
      'other:  # catalog-validate: ignore shell-injection not this job\n  script: [make]\nbuild:\n  script:\n    - echo $[[ inputs.tag ]]\n'
    expect(await findings(template(INPUT, job))).toEqual({
      lines: ['6 suppression-invalid', '10 shell-injection'],
      suppressed: 0,
    })
  })

  it('one without a reason silences nothing and is reported itself', async () => {
    const job =
      'build:\n  script:\n    - echo $[[ inputs.tag ]]  # catalog-validate: ignore shell-injection\n'
    expect(await findings(template(INPUT, job))).toEqual({
      lines: ['8 suppression-invalid', '8 shell-injection'],
      suppressed: 0,
    })
  })
})
