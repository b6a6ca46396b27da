import type { RuleContext } from '../context.js'
import { keyText } from '../util-yaml.js'

/** Keywords that would change the consumer's whole pipeline, not just this component's jobs. */
const FORBIDDEN = new Set([
  'default',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
])

/** A component defines jobs only: global keywords leak into, or clash with, the consumer's pipeline. */
export function globalKeyword(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const pair of analysis.topLevel) {
      const key = keyText(pair)
      if (!FORBIDDEN.has(key)) continue
      ctx.reportAt(
        'global-keyword',
        analysis.component.file,
        analysis.component.source,
        (pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
        `global keyword \`${key}:\` in a component changes every job of the consumer's pipeline; expected jobs only. Move it into the job (or a hidden job it extends).`,
      )
    }
  }
}
