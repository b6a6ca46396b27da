import type { RuleContext } from '../context.js'

/** The engine's header validation: GitLab would reject the `spec:` header with exactly this message. */
export function headerInvalid(ctx: RuleContext): void {
  for (const { component, specError } of ctx.components) {
    if (!specError) continue
    ctx.reportAt(
      'header-invalid',
      component.file,
      component.source,
      specError.range?.[0] ?? 0,
      `GitLab rejects this component's header: ${specError.message}. Fix the \`spec:\` header (see https://docs.gitlab.com/ci/inputs/).`,
    )
  }
}
