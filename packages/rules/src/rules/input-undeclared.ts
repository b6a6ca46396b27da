import type { RuleContext } from '../context.js'
import { contentBlocks } from '../util-blocks.js'

/** A `$[[ inputs.x ]]` whose input is not declared fails every include. */
export function inputUndeclared(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    if (analysis.specError) continue
    const declared = new Set(Object.keys(analysis.spec?.inputs ?? {}))
    for (const block of contentBlocks(analysis)) {
      if (!block.input || declared.has(block.input)) continue
      ctx.reportAt(
        'input-undeclared',
        analysis.component.file,
        analysis.component.source,
        block.offset,
        `\`${block.text}\` uses input \`${block.input}\`, which \`spec:inputs\` does not declare (GitLab: "unknown interpolation provided"). Declare it under \`spec:inputs\` or fix the name${declared.size ? ` (declared: ${[...declared].join(', ')})` : ''}.`,
      )
    }
  }
}
