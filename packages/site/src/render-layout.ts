import { escapeHtml } from './util-html.js'

export interface LayoutOptions {
  /** Relative path from the page to the site root: `''` or `'../'`. */
  base: string
  title: string
  siteTitle: string
  latestVersion: string | null
  main: string
}

/** The page shell: skip link, header, main landmark, footer; only relative links and local assets. */
export function renderLayout({ base, title, siteTitle, latestVersion, main }: LayoutOptions): string {
  const version = latestVersion
    ? `<span class="header-version">Latest release <strong>${escapeHtml(latestVersion)}</strong></span>`
    : '<span class="header-version">No release yet</span>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${base}assets/site.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-row">
<a class="brand" href="${base}index.html"><span class="brand-mark" aria-hidden="true">◆</span> ${escapeHtml(siteTitle)}</a>
${version}
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${main}
</div>
</main>
<footer class="site-footer">
<div class="wrap">GitLab CI/CD components for container image builds · <a href="${base}index.html">All components</a></div>
</footer>
<script src="${base}assets/site.js"></script>
</body>
</html>
`
}
