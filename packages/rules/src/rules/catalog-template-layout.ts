import { isScalar, isSeq } from 'yaml'
import type { RuleContext } from '../context.js'
import { strayKind } from '../util-stray.js'
import { valueAt } from '../util-yaml.js'

/** `include: local:` paths of every component, repository-relative without a leading `/`. */
function locallyIncluded(ctx: RuleContext): Set<string> {
  const paths = new Set<string>()
  for (const analysis of ctx.components) {
    const include = valueAt(analysis.docs.content?.contents, 'include')
    const items = isSeq(include) ? include.items : include ? [include] : []
    for (const item of items) {
      const local = isScalar(item)
        ? item.value
        : (valueAt(item, 'local') as { value?: unknown } | undefined)?.value
      if (typeof local === 'string') paths.add(local.replace(/^\//, ''))
    }
  }
  return paths
}

/**
 * A component is `templates/<name>.yml` or `templates/<name>/template.yml`; GitLab ignores anything else under
 * templates/ when it publishes (nothing fails), so another YAML file is a warning unless a component includes it with
 * `include: local:` (resolved in the component's own project, so it works).
 */
export function catalogTemplateLayout(ctx: RuleContext): void {
  const included = locallyIncluded(ctx)
  for (const file of ctx.catalog.strayFiles) {
    if (included.has(file)) continue
    const kind = strayKind(file)
    if (kind === 'template-layout') {
      ctx.report(
        'catalog-template-layout',
        file,
        1,
        `\`${file}\` is a YAML file GitLab will not treat as a component, and no component includes it: expected templates/<name>.yml or templates/<name>/template.yml (one level, named template.yml). Move it there, or out of templates/.`,
        'warning',
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
