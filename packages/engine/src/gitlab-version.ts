import { type SpecError, specError } from './errors.js'

/**
 * Which GitLab the engine renders as. Behaviour that changed after 18.11 is switched on by version; a change that
 * GitLab ships behind a feature flag that is off by default stays off unless the flag is named, as on an instance
 * where nobody enabled it.
 */

/** `major.minor`, e.g. `19.2`. */
export type GitlabVersion = `${number}.${number}`

/**
 * The versions whose `spec:inputs` and interpolation code was read (gitlabhq, see the README): 18.11 from the 18.11
 * sources, 19.0 from `lib/ci/inputs/*` at 55eb439, 19.2 from `functions_stack.rb`/`functions/split.rb` at 41946e6.
 * 19.1 changed nothing a component author meets in the files read, so it renders as 19.0.
 */
export const SUPPORTED_GITLAB_VERSIONS: readonly GitlabVersion[] = ['18.11', '19.0', '19.1', '19.2']

/** GitLab.com runs the newest 19.x; the newest version read is the default. */
export const DEFAULT_GITLAB_VERSION: GitlabVersion = '19.2'

export interface GitlabFeatureFlag {
  /** The first version that has the flag (its `milestone`). */
  since: GitlabVersion
  /** `default_enabled` in the flag's definition file. */
  defaultEnabled: boolean
  /** Where the flag is defined. */
  definition: string
}

/** Feature flags that change what a component author meets; only these can be named. */
export const GITLAB_FEATURE_FLAGS: Readonly<Record<string, GitlabFeatureFlag>> = {
  ci_interpolation_split_function: {
    since: '19.2',
    defaultEnabled: false,
    definition: 'config/feature_flags/beta/ci_interpolation_split_function.yml',
  },
}

const VERSION_PATTERN = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/

export function isGitlabVersion(text: string): text is GitlabVersion {
  return VERSION_PATTERN.test(text)
}

/** Orders `major.minor` versions numerically (`18.9` < `18.10` < `19.0`); `NaN` when either is malformed. */
export function compareGitlabVersions(left: string, right: string): number {
  const a = VERSION_PATTERN.exec(left)
  const b = VERSION_PATTERN.exec(right)
  if (!a || !b) return Number.NaN
  return Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2])
}

/** The GitLab a render targets: its version and the feature flags enabled on it. */
export interface GitlabTarget {
  version: GitlabVersion
  /** Only flags that exist in `version` and are enabled there. */
  featureFlags: ReadonlySet<string>
}

export interface GitlabTargetOptions {
  /** `major.minor`; default `DEFAULT_GITLAB_VERSION`. */
  gitlabVersion?: string
  /** Feature flags to treat as enabled (names from `GITLAB_FEATURE_FLAGS`). */
  featureFlags?: readonly string[]
}

export type GitlabTargetResult = { ok: true; target: GitlabTarget } | { ok: false; errors: SpecError[] }

export function gitlabTarget(options: GitlabTargetOptions = {}): GitlabTargetResult {
  const version = String(options.gitlabVersion ?? DEFAULT_GITLAB_VERSION)
  const errors: SpecError[] = []
  if (!SUPPORTED_GITLAB_VERSIONS.includes(version as GitlabVersion)) {
    errors.push(
      specError(
        'GITLAB_VERSION_UNSUPPORTED',
        `GitLab ${version} is not supported: render as one of ${SUPPORTED_GITLAB_VERSIONS.join(', ')}`,
      ),
    )
  }
  const supported = errors.length === 0
  const enabled = new Set<string>()
  for (const [name, flag] of Object.entries(GITLAB_FEATURE_FLAGS)) {
    if (flag.defaultEnabled && supported && compareGitlabVersions(version, flag.since) >= 0) enabled.add(name)
  }
  for (const name of Array.isArray(options.featureFlags) ? options.featureFlags : []) {
    const flag = Object.hasOwn(GITLAB_FEATURE_FLAGS, name) ? GITLAB_FEATURE_FLAGS[name] : undefined
    if (!flag) {
      errors.push(
        specError(
          'FEATURE_FLAG_UNKNOWN',
          `unknown feature flag \`${name}\`: known flags are ${Object.keys(GITLAB_FEATURE_FLAGS).join(', ')}`,
        ),
      )
    } else if (supported && compareGitlabVersions(version, flag.since) < 0) {
      errors.push(
        specError(
          'FEATURE_FLAG_UNAVAILABLE',
          `feature flag \`${name}\` exists from GitLab ${flag.since}; GitLab ${version} does not have it`,
        ),
      )
    } else {
      enabled.add(name)
    }
  }
  if (errors.length > 0) return { ok: false, errors }
  return { ok: true, target: { version: version as GitlabVersion, featureFlags: enabled } }
}

/** The target is `version` or newer. */
export function atLeast(target: GitlabTarget, version: GitlabVersion): boolean {
  return compareGitlabVersions(target.version, version) >= 0
}
