import { describe, expect, it } from 'vitest'
import { isRulesIfTruthful } from './evaluate-expression.js'

// doc/ci/jobs/job_rules.md, "Common if clauses with predefined variables" and "Compare a variable to a string".
describe('rules:if against pipeline variables', () => {
  const branchPipeline = { CI_COMMIT_BRANCH: 'main', CI_DEFAULT_BRANCH: 'main', CI_PIPELINE_SOURCE: 'push' }

  it('an undefined variable is nil, so `if: $CI_COMMIT_TAG` does not match a branch pipeline', () => {
    expect(isRulesIfTruthful('$CI_COMMIT_TAG', branchPipeline)).toBe(false)
    expect(isRulesIfTruthful('$CI_COMMIT_TAG', { ...branchPipeline, CI_COMMIT_TAG: 'v1.0.0' })).toBe(true)
  })

  it('an empty variable is not present', () => {
    expect(isRulesIfTruthful('$EMPTY', { EMPTY: '' })).toBe(false)
  })

  it('compares two variables and a variable with a string', () => {
    expect(isRulesIfTruthful('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', branchPipeline)).toBe(true)
    expect(
      isRulesIfTruthful('$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH', {
        ...branchPipeline,
        CI_COMMIT_BRANCH: 'feature',
      }),
    ).toBe(false)
    expect(isRulesIfTruthful('$CI_PIPELINE_SOURCE == "merge_request_event"', branchPipeline)).toBe(false)
    expect(isRulesIfTruthful('$CI_PIPELINE_SOURCE != "merge_request_event"', branchPipeline)).toBe(true)
  })

  it('matches a variable against a pattern and combines clauses', () => {
    expect(
      isRulesIfTruthful('$CI_COMMIT_BRANCH =~ /^ma/ && $CI_PIPELINE_SOURCE == "push"', branchPipeline),
    ).toBe(true)
    expect(isRulesIfTruthful('$CI_COMMIT_BRANCH =~ /^release/ || $CI_COMMIT_TAG', branchPipeline)).toBe(false)
  })

  it('an invalid statement never matches', () => {
    expect(isRulesIfTruthful('$CI_COMMIT_BRANCH ==', branchPipeline)).toBe(false)
  })
})
