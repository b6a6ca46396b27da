import type { RuleContext } from '../context.js'

/** The component renders with its defaults (and a placeholder for each required input). */
export function renderDefaults(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    const { component, rendered, specError } = analysis
    if (specError || analysis.loadError || rendered.ok) continue
    const placeholders = Object.entries(analysis.placeholders)
      .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
      .join(', ')
    const given = placeholders ? ` (required inputs given placeholders: ${placeholders})` : ''
    ctx.reportAt(
      'render-defaults',
      component.file,
      component.source,
      rendered.errors[0]?.range?.[0] ?? 0,
      `rendering with the default inputs${given} fails: ${rendered.error}. Expected every default to be valid and every \`$[[ … ]]\` block to resolve; fix the default or the block the message names.`,
    )
  }
}
