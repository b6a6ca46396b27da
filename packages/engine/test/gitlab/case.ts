import type { ComponentContext, GitlabVersion, VariableValue } from '@catalog/engine'

/**
 * One conformance case. `source` names where the expectation comes from: a GitLab spec file and example
 * (`spec/lib/…_spec.rb`), or, for a derived case, the team's notes, GitLab's source code or libyaml. `expected` is
 * what that source asserts (GitLab's words), never output produced by this engine.
 */
export interface GitlabCase {
  name: string
  source: string
  template: string
  inputs?: unknown
  context?: { component?: ComponentContext; variables?: Record<string, VariableValue> }
  /** The GitLab version whose behaviour the case pins down (rendered as that version); 18.11 when omitted. */
  gitlab?: GitlabVersion
  /** Feature flags enabled for the render (e.g. `ci_interpolation_split_function`). */
  featureFlags?: string[]
  expected: { config: unknown } | { error: string }
}

/** A component file: header (the part under `spec:`) and content, joined by `---`. */
export function component(header: string, content: string): string {
  return `${header.trimEnd()}\n---\n${content}`
}

/**
 * A file of GitLab's test suite (`spec/…_spec.rb`, `spec/support/shared_examples/…`), possibly followed by the
 * example or context it names.
 */
const GITLAB_SPEC = /^spec\/[\w/.-]+\.rb\b/

/**
 * `gitlab` when every part of `source` (joined by ` + `) is a GitLab spec file; `derived` when any part is the
 * team's notes (`gitlab-components-spec.md`), GitLab's source code read without a spec, or libyaml.
 */
export function originOf(source: string): 'gitlab' | 'derived' {
  return source.split(' + ').every((part) => GITLAB_SPEC.test(part.trim())) ? 'gitlab' : 'derived'
}
