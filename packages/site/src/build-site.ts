import { siteCss, siteJs } from './assets.js'
import { describeCatalog } from './describe-catalog.js'
import { renderComponent } from './render-component.js'
import { componentHref, renderIndex } from './render-index.js'
import type { SiteInput } from './types.js'

/**
 * The static catalog site: site-relative path → file contents. Every link is relative and every asset local,
 * so the files work from GitLab Pages, any sub-path, and `file://`.
 */
export function buildSite(input: SiteInput): Record<string, string> {
  const view = describeCatalog(input)
  const files: Record<string, string> = {
    'index.html': renderIndex(view),
    'assets/site.css': siteCss,
    'assets/site.js': siteJs,
  }
  for (const component of view.components)
    files[componentHref(component.name)] = renderComponent(view, component)
  return files
}
