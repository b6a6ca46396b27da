import type { ComponentContext, VariableValue } from '@catalog/engine'

/**
 * One conformance case, translated from a GitLab spec file. `source` names the spec file and example; `expected`
 * is what that example asserts (GitLab's words), never output produced by this engine.
 */
export interface GitlabCase {
  name: string
  source: string
  template: string
  inputs?: unknown
  context?: { component?: ComponentContext; variables?: Record<string, VariableValue> }
  expected: { config: unknown } | { error: string }
}

/** A component file: header (the part under `spec:`) and content, joined by `---`. */
export function component(header: string, content: string): string {
  return `${header.trimEnd()}\n---\n${content}`
}
