import { parse } from 'yaml'
import type { Severity } from './types.js'

/**
 * What a rule is about, which decides whether a profile runs it and how loud:
 * - `gitlab`: GitLab would reject the catalog, the include or the pipeline, or the job would certainly fail;
 * - `hardening`: a risk worth a warning (an input reaching a shell unquoted, a password on a command line, …);
 * - `policy`: house style (input types, names and images as inputs, generated docs, …), only under `strict`.
 */
export type RuleCategory = 'gitlab' | 'hardening' | 'policy'

/** `native`: the rule's own severity per finding; `warning`: at most a warning; `off`: the rule does not run. */
type CategoryMode = 'native' | 'warning' | 'off'

export interface Profile {
  description: string
  categories: Record<RuleCategory, CategoryMode>
  /** Rule options this profile sets (a config's own options win). */
  options: Record<string, Record<string, string>>
}

export const PROFILES: Record<string, Profile> = {
  recommended: {
    description:
      'what GitLab would reject or what certainly fails as errors, hardening as warnings, no house style',
    categories: { gitlab: 'native', hardening: 'warning', policy: 'off' },
    options: {},
  },
  strict: {
    description: 'every rule at its own severity, house style included; scripts checked as POSIX sh',
    categories: { gitlab: 'native', hardening: 'native', policy: 'native' },
    options: { shellcheck: { shell: 'sh', level: 'style' }, 'shell-injection': { quoted: 'warning' } },
  },
}

export const DEFAULT_PROFILE = 'recommended'

/** The options a rule accepts, each with its allowed values (the first is the default). */
export type RuleOptions = Record<string, readonly string[]>

export interface RuleSetting {
  severity?: Severity | 'off'
  reason?: string
  options: Record<string, string>
}

export interface ValidateConfig {
  /** Where the config came from, for messages (`.catalogrc.yml`), or null for the defaults. */
  file: string | null
  profile: string
  rules: Record<string, RuleSetting>
}

/** The config file at the catalog root. */
export const CONFIG_FILE = '.catalogrc.yml'

export const defaultConfig = (profile = DEFAULT_PROFILE): ValidateConfig => ({
  file: null,
  profile,
  rules: {},
})

export type ParseConfigResult = { ok: true; config: ValidateConfig } | { ok: false; error: string }

const SEVERITIES = ['error', 'warning', 'off']

/**
 * Reads `.catalogrc.yml`: `profile: recommended | strict` and `rules: { <id>: <severity> | { severity?, reason?,
 * <option>: <value> } }`. Every mistake is one message naming the key, what was found and what is allowed.
 */
export function parseValidateConfig(
  file: string,
  text: string,
  known: Record<string, { options?: RuleOptions }>,
): ParseConfigResult {
  const fail = (where: string, message: string): ParseConfigResult => ({
    ok: false,
    error: `${file}: ${where}${where ? ': ' : ''}${message}`,
  })
  let data: unknown
  try {
    data = parse(text, { prettyErrors: false }) ?? {}
  } catch (error) {
    return fail('', `not valid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!isMapping(data)) return fail('', 'expected a mapping with `profile` and/or `rules`')
  for (const key of Object.keys(data)) {
    if (key !== 'profile' && key !== 'rules') return fail(key, 'unknown key; expected `profile` or `rules`')
  }
  const profile = data.profile ?? DEFAULT_PROFILE
  if (typeof profile !== 'string' || !(profile in PROFILES)) {
    return fail(
      'profile',
      `\`${String(profile)}\` is not a profile; expected one of ${Object.keys(PROFILES).join(', ')}`,
    )
  }
  const rules: Record<string, RuleSetting> = {}
  const given = data.rules ?? {}
  if (!isMapping(given)) return fail('rules', 'expected a mapping of rule ids')
  for (const [id, value] of Object.entries(given)) {
    const where = `rules.${id}`
    const rule = known[id]
    if (!rule) return fail(where, `unknown rule; rules are: ${Object.keys(known).join(', ')}`)
    const setting: RuleSetting = { options: {} }
    const entries = typeof value === 'string' ? { severity: value } : value
    if (!isMapping(entries)) return fail(where, 'expected a severity (error, warning, off) or a mapping')
    for (const [key, option] of Object.entries(entries)) {
      if (key === 'severity') {
        if (typeof option !== 'string' || !SEVERITIES.includes(option)) {
          return fail(
            `${where}.severity`,
            `\`${String(option)}\` is not a severity; expected error, warning or off`,
          )
        }
        setting.severity = option as RuleSetting['severity']
      } else if (key === 'reason') {
        if (typeof option !== 'string' || option.trim() === '')
          return fail(`${where}.reason`, 'expected a sentence')
        setting.reason = option
      } else {
        const allowed = rule.options?.[key]
        if (!allowed) {
          const options = Object.keys(rule.options ?? {})
          return fail(
            `${where}.${key}`,
            `unknown option; expected severity, reason${options.length ? `, ${options.join(', ')}` : ''}`,
          )
        }
        if (typeof option !== 'string' || !allowed.includes(option)) {
          return fail(
            `${where}.${key}`,
            `\`${String(option)}\` is not allowed; expected one of ${allowed.join(', ')}`,
          )
        }
        setting.options[key] = option
      }
    }
    rules[id] = setting
  }
  return { ok: true, config: { file, profile, rules } }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The options a rule runs with: its defaults, then the profile's, then the config's. */
export function ruleOptions(
  config: ValidateConfig,
  id: string,
  declared: RuleOptions | undefined,
): Record<string, string> {
  const defaults = Object.fromEntries(
    Object.entries(declared ?? {}).map(([key, values]) => [key, values[0] ?? '']),
  )
  return { ...defaults, ...PROFILES[config.profile]?.options[id], ...config.rules[id]?.options }
}

/**
 * How loud a rule is under this config: `off` (not run), `native` (the rule's own severity per finding), or one
 * severity for all its findings (a config override, or `warning` for hardening rules under `recommended`).
 */
export function ruleMode(
  config: ValidateConfig,
  id: string,
  category: RuleCategory,
): CategoryMode | Severity {
  const override = config.rules[id]?.severity
  if (override) return override
  return PROFILES[config.profile]?.categories[category] ?? 'native'
}
