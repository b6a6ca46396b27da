import { isScalar } from 'yaml'
import type { RuleContext } from '../context.js'
import { HAS_INPUT, includesFiles, inheritedValue } from '../util-extends.js'

/** Every job's `stage:` comes from an input, so consumers place it in their own stages. */
export function stageNotInput(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const job of analysis.jobs) {
      if (job.hidden) continue
      const stage = inheritedValue(analysis, job, 'stage')
      if (!stage) {
        if (includesFiles(analysis)) continue
        ctx.reportAt(
          'stage-not-input',
          file,
          source,
          (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
          `job \`${job.key}\` has no \`stage:\` (GitLab puts it in \`test\`); expected one from an input. Add \`stage: $[[ inputs.stage ]]\`.`,
        )
      } else if (!isScalar(stage.node) || !HAS_INPUT.test(String(stage.node.value))) {
        ctx.reportAt(
          'stage-not-input',
          file,
          source,
          stage.node.range?.[0] ?? 0,
          `job \`${job.key}\` has a fixed stage (\`${isScalar(stage.node) ? String(stage.node.value) : '…'}\`); expected it to come from an input. Use \`stage: $[[ inputs.stage ]]\`.`,
        )
      }
    }
  }
}
