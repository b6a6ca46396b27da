import type { CatalogView, ComponentView } from './describe-catalog.js'
import { renderLayout } from './render-layout.js'
import { escapeHtml, scriptJson } from './util-html.js'

/** The relative link from the index to a component's page. */
export function componentHref(name: string): string {
  return `components/${encodeURIComponent(name)}.html`
}

function renderCard(component: ComponentView): string {
  const required =
    component.requiredInputs.length > 0
      ? component.requiredInputs.map((name) => `<code>${escapeHtml(name)}</code>`).join(' ')
      : '<span class="muted">none</span>'
  const runner = component.runner.privileged
    ? '<span class="tag tag-warn">privileged runner</span>'
    : '<span class="tag tag-ok">unprivileged</span>'
  return `<li class="card" data-component="${escapeHtml(component.name)}">
<h2 class="card-title"><a href="${escapeHtml(componentHref(component.name))}">${escapeHtml(component.name)}</a></h2>
<p class="card-summary">${escapeHtml(component.summary || component.description || 'No description yet.')}</p>
<p class="card-match" hidden></p>
<dl class="card-facts">
<div><dt>Required inputs</dt><dd>${required}</dd></div>
<div><dt>Inputs</dt><dd>${component.inputs.length}</dd></div>
<div><dt>Runner</dt><dd>${runner}</dd></div>
</dl>
</li>`
}

function countText(count: number): string {
  return count === 1 ? '1 component' : `${count} components`
}

/** `index.html`: every component, with instant search over names, descriptions and input names. */
export function renderIndex(view: CatalogView): string {
  const index = view.components.map((component) => ({
    name: component.name,
    text: [component.summary, component.description].join(' '),
    inputs: component.inputs.map((input) => input.name),
    privileged: component.runner.privileged,
  }))
  const main = `<h1>${escapeHtml(view.title)}</h1>
${view.description ? `<p class="lede">${escapeHtml(view.description)}</p>` : ''}
<div class="search-panel" role="search">
<label class="search-label" for="search">Search components</label>
<div class="search-row">
<input id="search" class="search-input" type="search" autocomplete="off" spellcheck="false" placeholder="Name, summary or input" aria-describedby="search-hint" aria-controls="component-list">
<kbd class="search-key" aria-hidden="true">/</kbd>
</div>
<p id="search-hint" class="hint">Press <kbd>/</kbd> to search, <kbd>↓</kbd> to move to the results, <kbd>Esc</kbd> to clear.</p>
<label class="filter"><input id="filter-unprivileged" type="checkbox"> Only components that run on an unprivileged runner</label>
</div>
<p id="result-count" class="result-count" role="status" aria-live="polite">${countText(view.components.length)}</p>
<ul id="component-list" class="cards">
${view.components.map(renderCard).join('\n')}
</ul>
<p id="no-results" class="no-results" hidden>No component matches. <button type="button" id="clear-search" class="button-link">Clear the search</button></p>
<script type="application/json" id="search-index">${scriptJson(index)}</script>`
  return renderLayout({
    base: '',
    title: `${view.title}: CI/CD components`,
    siteTitle: view.title,
    latestVersion: view.latestVersion,
    main,
  })
}
