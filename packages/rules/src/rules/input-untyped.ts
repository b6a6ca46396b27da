import type { RuleContext } from '../context.js'
import { inputOffset } from '../util-blocks.js'

/** Every input spells out its `type:`, so coercion is never a surprise. */
export function inputUntyped(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const [name, input] of Object.entries(analysis.spec?.inputs ?? {})) {
      if (input.typeDeclared) continue
      ctx.reportAt(
        'input-untyped',
        analysis.component.file,
        analysis.component.source,
        inputOffset(analysis, name),
        `input \`${name}\` has no \`type:\` (GitLab assumes string and coerces anything to it). Add \`type: string\` (or number, boolean, array).`,
      )
    }
  }
}
