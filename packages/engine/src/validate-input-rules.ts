import { type SpecError, specError } from './errors.js'

/**
 * `spec:inputs:<name>:rules` (GitLab 18.7+). Not implemented yet: rejected with a clear error rather than ignored,
 * because ignoring it would resolve different options and defaults than GitLab does.
 */
export function validateInputRules(name: string, _rules: unknown): SpecError[] {
  return [
    specError(
      'INPUT_RULES_NOT_SUPPORTED',
      `\`${name}\` input: rules are not supported by @catalog/engine (spec:inputs:rules, GitLab 18.7+)`,
    ),
  ]
}
