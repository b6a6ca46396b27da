import type { RuleContext } from '../context.js'
import { strayKind } from '../util-stray.js'

/** Component names are one path segment of `[A-Za-z0-9_.-]+`, or GitLab never finds the template. */
export function catalogComponentName(ctx: RuleContext): void {
  for (const file of ctx.catalog.strayFiles) {
    if (strayKind(file) !== 'component-name') continue
    ctx.report(
      'catalog-component-name',
      file,
      1,
      `\`${file}\` is not a component: GitLab only finds names made of letters, digits, \`_\`, \`-\` and \`.\` (TEMPLATE_PATH_REGEX). Rename it, e.g. templates/my-component/template.yml.`,
    )
  }
}
