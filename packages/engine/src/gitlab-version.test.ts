import { describe, expect, it } from 'vitest'
import {
  compareGitlabVersions,
  DEFAULT_GITLAB_VERSION,
  gitlabTarget,
  isGitlabVersion,
} from './gitlab-version.js'

describe('compareGitlabVersions', () => {
  it('orders minor versions numerically, not as text', () => {
    expect(compareGitlabVersions('18.9', '18.10')).toBeLessThan(0)
    expect(compareGitlabVersions('18.11', '19.0')).toBeLessThan(0)
    expect(compareGitlabVersions('19.2', '19.2')).toBe(0)
    expect(compareGitlabVersions('19.10', '19.2')).toBeGreaterThan(0)
  })

  it('is NaN for anything but major.minor', () => {
    expect(compareGitlabVersions('19', '19.0')).toBeNaN()
    expect(compareGitlabVersions('19.0.1', '19.0')).toBeNaN()
    expect(isGitlabVersion('18.1')).toBe(true)
    expect(isGitlabVersion('18.01')).toBe(false)
    expect(isGitlabVersion('v18.1')).toBe(false)
  })
})

describe('gitlabTarget', () => {
  it('defaults to the newest version read, with every flag off', () => {
    expect(gitlabTarget()).toEqual({
      ok: true,
      target: { version: DEFAULT_GITLAB_VERSION, featureFlags: new Set() },
    })
    expect(DEFAULT_GITLAB_VERSION).toBe('19.2')
  })

  it('enables a named flag on a version that has it', () => {
    const result = gitlabTarget({ gitlabVersion: '19.2', featureFlags: ['ci_interpolation_split_function'] })
    expect(result.ok && [...result.target.featureFlags]).toEqual(['ci_interpolation_split_function'])
  })

  it('rejects versions it has not read, flags it does not know and flags older versions lack', () => {
    expect(gitlabTarget({ gitlabVersion: '18.10' })).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'GITLAB_VERSION_UNSUPPORTED',
          message: 'GitLab 18.10 is not supported: render as one of 18.11, 19.0, 19.1, 19.2',
        },
      ],
    })
    expect(gitlabTarget({ featureFlags: ['ci_nope'] })).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'FEATURE_FLAG_UNKNOWN',
          message: 'unknown feature flag `ci_nope`: known flags are ci_interpolation_split_function',
        },
      ],
    })
    expect(
      gitlabTarget({ gitlabVersion: '19.1', featureFlags: ['ci_interpolation_split_function'] }),
    ).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'FEATURE_FLAG_UNAVAILABLE',
          message:
            'feature flag `ci_interpolation_split_function` exists from GitLab 19.2; GitLab 19.1 does not have it',
        },
      ],
    })
  })

  it('never throws on values of the wrong type', () => {
    expect(
      gitlabTarget({ gitlabVersion: 19 as unknown as string, featureFlags: 'x' as unknown as string[] }).ok,
    ).toBe(false)
  })
})
