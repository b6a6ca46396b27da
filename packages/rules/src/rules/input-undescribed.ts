import type { RuleContext } from '../context.js'
import { inputOffset } from '../util-blocks.js'

/** Every input has a description: it is the documentation consumers read in the catalog. */
export function inputUndescribed(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const [name, input] of Object.entries(analysis.spec?.inputs ?? {})) {
      if (typeof input.description === 'string' && input.description.trim() !== '') continue
      ctx.reportAt(
        'input-undescribed',
        analysis.component.file,
        analysis.component.source,
        inputOffset(analysis, name),
        `input \`${name}\` has no description. Add \`description: '<what it does, ending in a full stop>.'\` under it.`,
      )
    }
  }
}
