import type { RuleContext } from '../context.js'
import { strayKind } from '../util-stray.js'

/** A component is `templates/<name>.yml` or `templates/<name>/template.yml`; anything else is not released. */
export function catalogTemplateLayout(ctx: RuleContext): void {
  for (const file of ctx.catalog.strayFiles) {
    const kind = strayKind(file)
    if (kind === 'template-layout') {
      ctx.report(
        'catalog-template-layout',
        file,
        1,
        `\`${file}\` is a YAML file GitLab will not treat as a component: expected templates/<name>.yml or templates/<name>/template.yml (one level, named template.yml). Move it there, or out of templates/.`,
      )
    } else if (kind === 'not-released') {
      ctx.report(
        'catalog-template-layout',
        file,
        1,
        `\`${file}\` is not released with any component: GitLab publishes only template.yml from a component folder. Move it out of templates/ if consumers need it.`,
        'warning',
      )
    }
  }
}
