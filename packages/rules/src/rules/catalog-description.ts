import type { RuleContext } from '../context.js'

/** GitLab refuses to publish a catalog project without a description (kept as the root package.json's). */
export function catalogDescription(ctx: RuleContext): void {
  if (ctx.catalog.project.description.trim() !== '') return
  ctx.report(
    'catalog-description',
    'package.json',
    1,
    'Project must have a description: the root package.json has no `description`, which we use as the GitLab project description. Add one sentence there and set the same text in Settings > General.',
  )
}
