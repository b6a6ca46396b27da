import type { RuleContext } from '../context.js'
import { contentBlocks, headerInputReferences, inputOffset } from '../util-blocks.js'

/** A declared input that no `$[[ inputs.x ]]` uses is a knob that does nothing. */
export function inputUnused(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    if (!analysis.spec) continue
    const used = headerInputReferences(analysis)
    for (const block of contentBlocks(analysis)) if (block.input) used.add(block.input)
    for (const name of Object.keys(analysis.spec.inputs)) {
      if (used.has(name)) continue
      ctx.reportAt(
        'input-unused',
        analysis.component.file,
        analysis.component.source,
        inputOffset(analysis, name),
        `input \`${name}\` is declared but never used: no \`$[[ inputs.${name} ]]\` in the jobs. Use it, or remove it (a breaking change).`,
      )
    }
  }
}
