import type { RuleContext } from '../context.js'

/**
 * A component GitLab cannot load (YAML syntax, invalid UTF-8, over 2 MiB, nested too deep, not a mapping): GitLab's
 * error, once, and no other rule looks at the file.
 */
export function yamlInvalid(ctx: RuleContext): void {
  for (const { component, loadError } of ctx.components) {
    if (!loadError) continue
    ctx.reportAt(
      'yaml-invalid',
      component.file,
      component.source,
      loadError.range?.[0] ?? 0,
      `GitLab cannot load this file: ${loadError.message}. Fix the file so it loads (GitLab gives this error on every include).`,
    )
  }
}
