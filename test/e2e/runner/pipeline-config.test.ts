import { describe, expect, it } from 'vitest'
import {
  artifactSourcesOf,
  expandTag,
  pipelineConfig,
  planPipeline,
  runnerMatches,
} from './pipeline-config.js'

const merged = {
  stages: ['build', 'sign', 'verify'],
  variables: { BASE: 'busybox' },
  '.hidden': { script: ['never'] },
  build: {
    stage: 'build',
    image: 'docker:cli',
    script: 'make',
    rules: [
      { if: '$CI_COMMIT_TAG' },
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', variables: { R: 'main' } },
    ],
    artifacts: { reports: { dotenv: 'image.env' } },
  },
  sign: { stage: 'sign', image: { name: 'cosign', entrypoint: [''] }, script: ['sign'], needs: ['build'] },
  manual: { stage: 'sign', image: 'x', script: ['x'], when: 'manual' },
  verify: {
    stage: 'verify',
    image: 'skopeo',
    script: [['a', 'b']],
    needs: [{ job: 'build', artifacts: false }, { job: 'sign' }],
  },
  late: { stage: 'verify', image: 'x', script: ['x'] },
}

describe('planning a pipeline as GitLab creates its jobs', () => {
  const config = pipelineConfig(merged)

  it('reads jobs, not hidden jobs or keywords; flattens nested script lists; adds .pre and .post', () => {
    expect(config.stages).toEqual(['.pre', 'build', 'sign', 'verify', '.post'])
    expect(config.jobs.map((job) => job.name)).toEqual(['build', 'sign', 'manual', 'verify', 'late'])
    expect(config.jobs.find((job) => job.name === 'verify')?.script).toEqual(['a', 'b'])
    expect(config.jobs.find((job) => job.name === 'sign')?.image).toEqual({
      name: 'cosign',
      entrypoint: [''],
    })
  })

  it('creates a job whose rules match, with the rule variables; not a manual one', () => {
    const planned = planPipeline(config, {
      predefined: { CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main' },
      project: {},
    })
    expect(planned.map((p) => p.job.name)).toEqual(['build', 'sign', 'verify', 'late'])
    expect(planned[0]?.ruleVariables).toEqual({ R: { value: 'main' } })
  })

  it('leaves out a job no rule matches, and then a job that needs it fails the pipeline as GitLab says', () => {
    expect(() =>
      planPipeline(config, {
        predefined: { CI_COMMIT_BRANCH: 'feature', CI_DEFAULT_BRANCH: 'main' },
        project: {},
      }),
    ).toThrow("'sign' job needs 'build' job, but 'build' does not exist in the pipeline.")
  })

  it('hands dotenv reports along needs with artifacts, or from every earlier stage without needs', () => {
    const planned = planPipeline(config, { predefined: { CI_COMMIT_TAG: 'v1' }, project: {} })
    const of = (name: string) =>
      artifactSourcesOf(
        planned.find((p) => p.job.name === name) as (typeof planned)[number],
        planned,
        config.stages,
      )
    expect(of('sign')).toEqual(['build'])
    expect(of('verify')).toEqual(['sign'])
    expect(of('late')).toEqual(['build', 'sign'])
  })

  it('reads artifacts:paths and artifacts:when, and refuses what this runner would copy wrongly', () => {
    const jobs = (artifacts: unknown) =>
      pipelineConfig({ build: { image: 'x', script: ['x'], artifacts } }).jobs[0]
    expect(jobs({ paths: ['build.log'], when: 'always', reports: { dotenv: 'image.env' } })).toMatchObject({
      artifactPaths: ['build.log'],
      artifactsWhen: 'always',
      dotenvReports: ['image.env'],
    })
    expect(jobs(undefined)).toMatchObject({ artifactPaths: [], artifactsWhen: 'on_success' })
    expect(() => jobs({ paths: ['logs/*.log'] })).toThrow(
      "build.artifacts.paths: 'logs/*.log': this runner copies plain paths, not globs",
    )
    expect(() => jobs({ paths: ['a'], when: 'sometimes' })).toThrow(
      "build.artifacts.when: 'sometimes' is not on_success, on_failure or always",
    )
  })

  it('expands runner tags as GitLab does when it creates the job: known variables, unknown ones kept as written', () => {
    const tagged = pipelineConfig({
      variables: { ARM_TAG: 'saas-linux-small-arm64' },
      job: { image: 'x', script: ['x'], tags: ['$ARM_TAG', `\${PROJECT_TAG}-x`, '$UNSET', 'plain'] },
      untagged: { image: 'x', script: ['x'] },
    })
    const planned = planPipeline(tagged, { predefined: {}, project: { PROJECT_TAG: { value: 'fleet' } } })
    expect(planned.map((p) => p.tags)).toEqual([['saas-linux-small-arm64', 'fleet-x', '$UNSET', 'plain'], []])
    expect(expandTag('$A$B', { A: 'a' })).toBe('a$B')
  })

  it("matches a job to a runner: all of its tags among the runner's, or none and a runner that runs untagged jobs", () => {
    const runner = { tags: ['amd64', 'arm64'], runUntagged: false }
    expect(runnerMatches(['arm64'], runner)).toBe(true)
    expect(runnerMatches(['arm64', 'gpu'], runner)).toBe(false)
    expect(runnerMatches([], runner)).toBe(false)
    expect(runnerMatches([], { ...runner, runUntagged: true })).toBe(true)
  })

  it('refuses a stage that does not exist', () => {
    expect(() =>
      pipelineConfig({ stages: ['build'], job: { stage: 'test', image: 'x', script: ['x'] } }),
    ).toThrow('job: chosen stage test does not exist; available stages are .pre, build, .post')
  })
})
