import { describe, expect, it } from 'vitest'
import { findUntestedReleaseJobs } from './find-untested-release-jobs.js'

const TEST_JOB = `
stages: [validate, test, release]
test:unit:
  stage: test
  needs: []
  script:
    - npm ci
    - npm test
`

const check = (jobs: string, tests = TEST_JOB) => findUntestedReleaseJobs(`${tests}\n${jobs}`, 'test:unit')

describe('findUntestedReleaseJobs', () => {
  it('passes release jobs that need the tests, directly, through another job, or by stage order', () => {
    expect(
      check(`
.release:
  stage: release
release:prepare:
  extends: .release
  script: [release]
release:merge-request:
  stage: release
  needs: [release:prepare]
  script: [glab]
release:notes:
  extends: .release
  needs: [{ job: test:unit, artifacts: false }]
  script: [notes]
`),
    ).toEqual([])
  })

  it('flags a release job with needs: [] (it starts at once)', () => {
    expect(check('release:notes:\n  stage: release\n  needs: []\n  script: [notes]\n')).toEqual([
      {
        job: 'release:notes',
        message: 'release:notes: needs [], none of which waits for test:unit: add test:unit to its needs',
      },
    ])
  })

  it('flags a release job that needs only jobs not waiting for the tests, or needs them optionally', () => {
    expect(
      check(`
validate:catalog:
  stage: validate
  script: [validate]
release:publish:
  stage: release
  needs: [validate:catalog, { job: test:unit, optional: true }]
  script: [publish]
`).map((problem) => problem.message),
    ).toEqual([
      'release:publish: needs [validate:catalog], none of which waits for test:unit: add test:unit to its needs',
    ])
  })

  it('flags a release job whose stage runs before the tests', () => {
    expect(
      check(
        'release:tag:\n  stage: release\n  script: [tag]\n',
        TEST_JOB.replace('[validate, test, release]', '[validate, release, test]'),
      ).map((problem) => problem.message),
    ).toEqual(["release:tag: runs in a stage before test:unit's, so it does not wait for the unit tests"])
  })

  it('flags a missing test job, one that does not run npm test, and one that can be skipped', () => {
    expect(check('', 'stages: [test, release]\n').map((p) => p.message)).toEqual([
      'test:unit: no such job; the unit tests never run',
    ])
    expect(
      check(
        '',
        TEST_JOB.replace('npm test', 'npm run lint').replace(
          'needs: []',
          'rules: [{ if: $CI_COMMIT_BRANCH }]',
        ),
      ).map((p) => p.message),
    ).toEqual([
      'test:unit: its script does not run `npm test`',
      'test:unit: has `rules:`, so a pipeline can release without it; it must run in every pipeline',
    ])
  })

  it('reads !reference tags without failing', () => {
    expect(
      check(
        '.x:\n  rules: [{ when: always }]\nrelease:a:\n  stage: release\n  rules:\n    - !reference [.x, rules]\n',
      ),
    ).toEqual([])
  })
})
