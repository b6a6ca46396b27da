import type { RuleContext } from '../context.js'

/** GitLab refuses to publish a catalog project without a root `README.md`. */
export function catalogReadme(ctx: RuleContext): void {
  const { project } = ctx.catalog
  if (project.readme !== null) return
  ctx.report(
    'catalog-readme',
    project.readmeFile,
    1,
    'Project must have a README: no README.md at the repository root (GitLab refuses to publish the catalog version). Add a README.md that describes the components.',
  )
}
