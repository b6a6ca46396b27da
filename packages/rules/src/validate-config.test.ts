import { describe, expect, it } from 'vitest'
import { rules } from './rules/index.js'
import { parseValidateConfig, ruleMode, ruleOptions } from './validate-config.js'

const parse = (text: string) => parseValidateConfig('.catalogrc.yml', text, rules)

describe('parseValidateConfig', () => {
  it('reads a profile, severities, a reason and options', () => {
    const result = parse(
      'profile: strict\nrules:\n  docs-drift: off\n  image-unpinned:\n    pin: tag\n    reason: Renovate keeps tags current.\n',
    )
    expect(result).toEqual({
      ok: true,
      config: {
        file: '.catalogrc.yml',
        profile: 'strict',
        rules: {
          'docs-drift': { severity: 'off', options: {} },
          'image-unpinned': { options: { pin: 'tag' }, reason: 'Renovate keeps tags current.' },
        },
      },
    })
  })

  it('an empty file is the recommended profile', () => {
    expect(parse('')).toEqual({
      ok: true,
      config: { file: '.catalogrc.yml', profile: 'recommended', rules: {} },
    })
  })

  it.each([
    ['- a\n', '.catalogrc.yml: expected a mapping with `profile` and/or `rules`'],
    ['profiles: strict\n', '.catalogrc.yml: profiles: unknown key; expected `profile` or `rules`'],
    [
      'rules:\n  shellcheck: loud\n',
      '.catalogrc.yml: rules.shellcheck.severity: `loud` is not a severity; expected error, warning or off',
    ],
    [
      'rules:\n  shellcheck:\n    shell: fish\n',
      '.catalogrc.yml: rules.shellcheck.shell: `fish` is not allowed; expected one of auto, sh, bash, dash, ksh',
    ],
    [
      'rules:\n  docs-drift:\n    pin: tag\n',
      '.catalogrc.yml: rules.docs-drift.pin: unknown option; expected severity, reason',
    ],
    [
      'rules:\n  docs-drift:\n    reason: ""\n',
      '.catalogrc.yml: rules.docs-drift.reason: expected a sentence',
    ],
  ])('rejects %j', (text, error) => {
    expect(parse(text)).toEqual({ ok: false, error })
  })
})

describe('profiles', () => {
  const config = (text: string) => {
    const result = parse(text)
    if (!result.ok) throw new Error(result.error)
    return result.config
  }

  it('recommended: GitLab rules at their own severity, hardening as warnings, house style off', () => {
    const recommended = config('')
    expect(ruleMode(recommended, 'header-invalid', 'gitlab')).toBe('native')
    expect(ruleMode(recommended, 'shell-injection', 'hardening')).toBe('warning')
    expect(ruleMode(recommended, 'input-untyped', 'policy')).toBe('off')
    expect(ruleOptions(recommended, 'shellcheck', rules.shellcheck?.options)).toEqual({
      shell: 'auto',
      level: 'warning',
    })
  })

  it('strict: every rule at its own severity, shellcheck as POSIX sh with every comment', () => {
    const strict = config('profile: strict\n')
    expect(ruleMode(strict, 'input-untyped', 'policy')).toBe('native')
    expect(ruleMode(strict, 'shell-injection', 'hardening')).toBe('native')
    expect(ruleOptions(strict, 'shellcheck', rules.shellcheck?.options)).toEqual({
      shell: 'sh',
      level: 'style',
    })
  })

  it("a config's severity and options win over the profile's", () => {
    const custom = config(
      'profile: strict\nrules:\n  input-untyped: warning\n  shellcheck:\n    shell: bash\n',
    )
    expect(ruleMode(custom, 'input-untyped', 'policy')).toBe('warning')
    expect(ruleOptions(custom, 'shellcheck', rules.shellcheck?.options)).toEqual({
      shell: 'bash',
      level: 'style',
    })
  })
})
