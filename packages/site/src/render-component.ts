import { type CatalogView, type ComponentView, formatValue, type InputView } from './describe-catalog.js'
import { renderLayout } from './render-layout.js'
import { escapeHtml, inlineMarkdown, scriptJson } from './util-html.js'

const code = (value: unknown) => `<code>${escapeHtml(value)}</code>`

function allowedValues(input: InputView): string {
  const parts: string[] = []
  if (input.options)
    parts.push(`one of ${input.options.map((option) => code(formatValue(option))).join(', ')}`)
  if (input.regex) parts.push(`matches ${code(input.regex)}`)
  if (input.conditional) parts.push('depends on other inputs (<code>rules</code>)')
  return parts.length > 0 ? parts.join('; ') : '<span class="muted">any</span>'
}

function renderInputs(component: ComponentView): string {
  if (component.inputs.length === 0) return '<p class="muted">This component takes no inputs.</p>'
  const rows = component.inputs
    .map(
      (input) => `<tr${input.required ? ' class="required-row"' : ''}>
<th scope="row" data-label="Input">${code(input.name)}</th>
<td data-label="Type">${escapeHtml(input.type)}</td>
<td data-label="Required">${input.required ? '<span class="tag tag-warn">required</span>' : '<span class="muted">no</span>'}</td>
<td data-label="Default">${'default' in input ? code(formatValue(input.default)) : '<span class="muted">none</span>'}</td>
<td data-label="Allowed">${allowedValues(input)}</td>
<td data-label="Description">${input.description ? inlineMarkdown(input.description) : '<span class="muted">No description.</span>'}</td>
</tr>`,
    )
    .join('\n')
  return `<div class="table-wrap">
<table class="data inputs-table">
<caption class="visually-hidden">Inputs of ${escapeHtml(component.name)}</caption>
<thead><tr><th scope="col">Input</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Default</th><th scope="col">Allowed values</th><th scope="col">Description</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
}

/** A full commit SHA is shortened in the selector; the snippet keeps all of it. */
const shortRef = (ref: string) => (/^[0-9a-f]{40}$/.test(ref) ? `${ref.slice(0, 12)}…` : ref)

function renderUsage(component: ComponentView): string {
  const [first] = component.references
  const radios = component.references
    .map(
      (reference) => `<label class="ref-option">
<input type="radio" name="ref-kind" value="${escapeHtml(reference.kind)}"${reference === first ? ' checked' : ''}>
<span class="ref-label">${escapeHtml(reference.label)}</span> <code class="ref-value">@${escapeHtml(shortRef(reference.ref))}</code>
</label>`,
    )
    .join('\n')
  const noRelease = component.latestVersion
    ? ''
    : '<p class="notice">No release has been published yet: the version references below are placeholders until one is.</p>'
  return `<section class="panel usage" aria-labelledby="usage-title">
<h2 id="usage-title">Use it</h2>
<p>Add this to your <code>.gitlab-ci.yml</code>${component.requiredInputs.length > 0 ? ', then replace the <code>&lt;placeholders&gt;</code> of the required inputs' : ''}.</p>
${noRelease}
<fieldset class="refs">
<legend>Version reference</legend>
${radios}
</fieldset>
<p id="ref-meaning" class="ref-meaning">${escapeHtml(first?.meaning ?? '')}</p>
<div class="snippet">
<pre tabindex="0" aria-label="include snippet"><code id="snippet">${escapeHtml(first?.snippet ?? '')}</code></pre>
<button type="button" class="copy-button" id="copy-snippet" aria-describedby="copy-status">Copy</button>
</div>
<p id="copy-status" class="copy-status" role="status" aria-live="polite"></p>
<script type="application/json" id="references">${scriptJson(component.references)}</script>
</section>`
}

function renderOutputs(component: ComponentView): string {
  if (component.outputs.length === 0) return '<p class="muted">This component declares no outputs.</p>'
  const rows = component.outputs
    .map(
      (output) =>
        `<tr><th scope="row" data-label="Variable">${code(output.name)}</th><td data-label="Description">${inlineMarkdown(output.description)}</td></tr>`,
    )
    .join('\n')
  return `<p>Written to a <code>dotenv</code> report: jobs that <code>needs:</code> this job receive them as CI/CD variables.</p>
<div class="table-wrap">
<table class="data outputs-table">
<caption class="visually-hidden">Outputs of ${escapeHtml(component.name)}</caption>
<thead><tr><th scope="col">Variable</th><th scope="col">Description</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`
}

function list(items: string[], empty: string): string {
  if (items.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`
  return `<ul>${items.map((item) => `<li>${inlineMarkdown(item)}</li>`).join('')}</ul>`
}

function renderRunner(component: ComponentView): string {
  const privileged = component.runner.privileged
    ? '<p><span class="tag tag-warn">privileged</span> Needs a runner with <code>privileged = true</code>.</p>'
    : '<p><span class="tag tag-ok">unprivileged</span> Runs on an ordinary, unprivileged runner.</p>'
  return privileged + list(component.runner.requirements, 'No other requirements.')
}

function renderVersions(component: ComponentView): string {
  if (component.versions.length === 0) return '<p class="muted">No release has been published yet.</p>'
  return component.versions
    .map((version) => {
      const date = version.date
        ? ` <time datetime="${escapeHtml(version.date)}">${escapeHtml(version.date.slice(0, 10))}</time>`
        : ''
      const pre = version.prerelease ? ' <span class="tag">pre-release</span>' : ''
      const latest =
        version.version === component.latestVersion ? ' <span class="tag tag-ok">latest</span>' : ''
      const changes =
        version.changes.length > 0
          ? `<ul>${version.changes.map((change) => `<li>${inlineMarkdown(change)}</li>`).join('')}</ul>`
          : `<p class="muted">No changes to ${escapeHtml(component.name)} in this release.</p>`
      return `<article class="version" id="v-${escapeHtml(version.version)}">
<h3>${escapeHtml(version.version)}${pre}${latest}${date}</h3>
${changes}
</article>`
    })
    .join('\n')
}

function renderFacts(component: ComponentView): string {
  return `<dl class="facts">
<div><dt>Latest release</dt><dd>${component.latestVersion ? code(component.latestVersion) : 'none yet'}</dd></div>
<div><dt>Runner</dt><dd>${component.runner.privileged ? 'privileged' : 'unprivileged'}</dd></div>
<div><dt>Minimum GitLab</dt><dd>${component.minimumGitlab ? escapeHtml(component.minimumGitlab) : '<span class="muted">not stated</span>'}</dd></div>
<div><dt>Inputs</dt><dd>${component.inputs.length} (${component.requiredInputs.length} required)</dd></div>
<div><dt>Template</dt><dd>${code(component.file)}</dd></div>
</dl>`
}

/** `components/<name>.html`: everything needed to include one component. */
export function renderComponent(view: CatalogView, component: ComponentView): string {
  const problems = component.problems
    .map((problem) => `<p class="notice notice-error">${escapeHtml(problem)}</p>`)
    .join('\n')
  const main = `<nav class="crumbs" aria-label="Breadcrumb"><a href="../index.html">All components</a> <span aria-hidden="true">/</span> <span aria-current="page">${escapeHtml(component.name)}</span></nav>
<h1>${escapeHtml(component.name)}</h1>
${component.summary ? `<p class="lede">${inlineMarkdown(component.summary)}</p>` : ''}
${component.description && component.description !== component.summary ? `<p>${inlineMarkdown(component.description)}</p>` : ''}
${problems}
${renderFacts(component)}
${renderUsage(component)}
<section aria-labelledby="inputs-title"><h2 id="inputs-title">Inputs</h2>
${renderInputs(component)}
</section>
<section aria-labelledby="outputs-title"><h2 id="outputs-title">Outputs</h2>
${renderOutputs(component)}
</section>
<section aria-labelledby="runner-title"><h2 id="runner-title">Runner requirements</h2>
${renderRunner(component)}
</section>
<section aria-labelledby="limits-title"><h2 id="limits-title">Limits</h2>
${list(component.limits, 'No known limits.')}
</section>
<section aria-labelledby="versions-title"><h2 id="versions-title">Versions</h2>
${renderVersions(component)}
</section>`
  return renderLayout({
    base: '../',
    title: `${component.name} · ${view.title}`,
    siteTitle: view.title,
    latestVersion: view.latestVersion,
    main,
  })
}
