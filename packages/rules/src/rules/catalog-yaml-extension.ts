import type { RuleContext } from '../context.js'
import { strayKind } from '../util-stray.js'

/** GitLab only matches `.yml`: a `.yaml` template is silently not a component. */
export function catalogYamlExtension(ctx: RuleContext): void {
  for (const file of ctx.catalog.strayFiles) {
    if (strayKind(file) !== 'yaml-extension') continue
    ctx.report(
      'catalog-yaml-extension',
      file,
      1,
      `\`${file}\` ends in .yaml, which GitLab does not recognise as a component (only .yml). Rename it to \`${file.replace(/\.yaml$/, '.yml')}\`.`,
    )
  }
}
