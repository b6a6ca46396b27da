import type { RuleContext } from '../context.js'

/**
 * A file the catalog cannot read as one: a symbolic link (GitLab reads the path it holds, not the file it points
 * to), a FIFO or device, a name that is not UTF-8, a README or meta.yml whose text is not (a template's is
 * `yaml-invalid`), no permission. A template among them is not checked by any other rule.
 */
export function catalogFileUnreadable(ctx: RuleContext): void {
  for (const problem of ctx.catalog.problems) {
    ctx.report('catalog-file-unreadable', problem.file, 1, `\`${problem.file}\` ${problem.message}`)
  }
}
