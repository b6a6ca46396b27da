import type { RuleContext } from '../context.js'

/** `meta.yml` feeds the docs (summary, outputs, runner): it must exist and be well formed. */
export function metaInvalid(ctx: RuleContext): void {
  for (const { component } of ctx.components) {
    if (component.metaError) {
      ctx.report(
        'meta-invalid',
        component.metaFile,
        1,
        `${component.metaError}. Expected \`summary: <one line>\`, \`outputs:\` (name, description), \`runner:\`, \`limits:\`, \`minimum_gitlab: "<major.minor>"\`.`,
      )
    } else if (!component.meta) {
      ctx.report(
        'meta-invalid',
        component.metaFile,
        1,
        `\`${component.name}\` has no ${component.metaFile}, so the catalog table has no description for it. Add one with at least \`summary: <one line>\`.`,
        'warning',
      )
    }
  }
}
