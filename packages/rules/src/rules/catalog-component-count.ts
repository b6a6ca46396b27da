import type { RuleContext } from '../context.js'

/** GitLab's Ci::Catalog::ComponentsProject::COMPONENTS_LIMIT. */
export const MAX_COMPONENTS = 100

/** A catalog release holds between 1 and 100 components. */
export function catalogComponentCount(ctx: RuleContext): void {
  const count = ctx.catalog.components.length
  if (count === 0) {
    ctx.report(
      'catalog-component-count',
      'templates',
      1,
      'Project must contain components. Ensure you are using the correct directory structure: found no templates/<name>.yml or templates/<name>/template.yml. Add at least one component.',
    )
  } else if (count > MAX_COMPONENTS) {
    ctx.report(
      'catalog-component-count',
      'templates',
      1,
      `Release cannot contain more than ${MAX_COMPONENTS} components: found ${count}. Move some components to another catalog project.`,
    )
  }
}
