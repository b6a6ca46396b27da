import { loadCatalog, loadVersions } from '@catalog/loader'
import type { SiteInput } from '@catalog/site'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { refuseUnreadable } from '../../lib/refuse-unreadable.js'

export const PROJECT_PATH_PLACEHOLDER = '<group>/<project>'

/** `--project-path`, else `CI_PROJECT_PATH` (set in every GitLab job), else a placeholder. */
export function projectPath(flag: string | undefined, io: Io, usage: string): string {
  const path = flag ?? io.env.CI_PROJECT_PATH ?? PROJECT_PATH_PLACEHOLDER
  if (path !== PROJECT_PATH_PLACEHOLDER && !/^[\w.-]+(\/[\w.-]+)+$/.test(path)) {
    throw new UsageError(
      `--project-path must be a GitLab project path such as \`my-group/container-build-catalog\`, got \`${path}\``,
      usage,
    )
  }
  return path
}

/** The catalog in the current directory, as the site and the terminal views take it. */
export function loadSiteInput(io: Io, path: string): SiteInput {
  const catalog = loadCatalog(io.cwd)
  refuseUnreadable(catalog)
  if (catalog.components.length === 0) {
    throw new UserError(
      `no components found under ${io.cwd}/templates: run catalog from the root of the catalog project`,
    )
  }
  return {
    components: catalog.components,
    versions: loadVersions(io.cwd),
    project: { path, description: catalog.project.description },
  }
}
