import type { RuleContext } from '../context.js'
import { HAS_INPUT } from '../util-extends.js'

/** Job names come from an input, so a pipeline can include a component twice without the jobs merging. */
export function jobNameNotInput(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const job of analysis.jobs) {
      if (HAS_INPUT.test(job.key)) continue
      ctx.reportAt(
        'job-name-not-input',
        analysis.component.file,
        analysis.component.source,
        (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
        job.hidden
          ? `hidden job \`${job.key}\` has a fixed name, so two includes of this component share it. Prefix it with the job name input, e.g. \`.$[[ inputs.job_name ]]:base\`.`
          : `job \`${job.key}\` has a fixed name; expected the name to come from an input so the component can be included twice. Use \`'$[[ inputs.job_name ]]':\`.`,
        job.hidden ? 'warning' : 'error',
      )
    }
  }
}
