import { isValidExpression } from '@catalog/engine'
import { renderedJobs } from '../analyze-component.js'
import type { RuleContext } from '../context.js'
import { valueAt } from '../util-yaml.js'

/**
 * A job's `rules:if` is checked by GitLab when the pipeline is created (`Entry::Rules::Rule`, `validates :if,
 * expression: true`): after rendering with the defaults, each one must be a valid CI/CD expression.
 */
export function rulesIfInvalid(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const { job, name, value } of renderedJobs(analysis)) {
      const rules = (value as { rules?: unknown } | null)?.rules
      if (!Array.isArray(rules)) continue
      const templateRules = valueAt(job.body, 'rules') as { items?: unknown[] } | undefined
      rules.forEach((rule, index) => {
        const condition = (rule as { if?: unknown } | null)?.if
        if (condition === undefined || isValidExpression(condition)) return
        const item = templateRules?.items?.[index]
        const node = valueAt(item, 'if') ?? (item as { range?: number[] } | undefined)
        ctx.reportAt(
          'rules-if-invalid',
          file,
          source,
          node?.range?.[0] ?? (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0,
          `GitLab rejects the pipeline: jobs:${name}:rules:rule if invalid expression syntax (\`${String(condition)}\`, rendered with the defaults). Write a CI/CD expression: \`$VARIABLE == "value"\`, \`=~ /regex/\`, \`&&\`, \`||\`, parentheses; quote string values.`,
        )
      })
    }
  }
}
