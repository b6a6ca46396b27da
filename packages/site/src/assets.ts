// The site's only stylesheet and script, served as local files so the site works air-gapped and from file://.

export const siteCss = `:root {
  color-scheme: light dark;
  --bg: #f7f7fa;
  --surface: #ffffff;
  --text: #1b1f24;
  --muted: #555e69;
  --border: #d5d9e0;
  --accent: #5b3cc4;
  --accent-soft: #ece8fb;
  --code-bg: #f0f1f4;
  --focus: #1f6feb;
  --ok: #1a7f37;
  --ok-soft: #dcf5e3;
  --warn: #8a4b00;
  --warn-soft: #fff1d6;
  --error: #b42318;
  --error-soft: #fde7e5;
  --radius: 10px;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #121317;
    --surface: #1b1d23;
    --text: #e7e9ee;
    --muted: #a5adb9;
    --border: #343843;
    --accent: #b7a6ff;
    --accent-soft: #2a2545;
    --code-bg: #0c0d10;
    --focus: #7aa7ff;
    --ok: #6fdc8c;
    --ok-soft: #15301d;
    --warn: #ffc46b;
    --warn-soft: #3a2a10;
    --error: #ff8f84;
    --error-soft: #3d1714;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.55 var(--font); }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
main:focus { outline: none; }
code, kbd, pre { font-family: var(--mono); font-size: 0.9em; }
code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
kbd { border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 4px; padding: 0 0.35em; background: var(--surface); }
h1 { font-size: clamp(1.7rem, 4vw, 2.3rem); line-height: 1.2; margin: 0.3em 0 0.3em; letter-spacing: -0.01em; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip-link { position: absolute; left: 1rem; top: -3rem; background: var(--accent); color: var(--surface); padding: 0.5rem 1rem; border-radius: 0 0 var(--radius) var(--radius); z-index: 10; }
.skip-link:focus { top: 0; }
.site-header { background: var(--surface); border-bottom: 1px solid var(--border); }
.header-row { display: flex; align-items: center; justify-content: space-between; gap: 1rem; min-height: 3.5rem; flex-wrap: wrap; }
.brand { font-weight: 700; color: var(--text); text-decoration: none; font-size: 1.05rem; }
.brand-mark { color: var(--accent); }
.header-version { color: var(--muted); font-size: 0.9rem; }
main { padding: 1rem 0 3rem; }
.lede { font-size: 1.12rem; color: var(--muted); max-width: 48rem; margin-top: 0; }
.site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; padding: 1.25rem 0 2rem; }
.search-panel { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem 1.1rem; margin: 1.5rem 0 0.75rem; }
.search-label { display: block; font-weight: 600; margin-bottom: 0.4rem; }
.search-row { position: relative; }
.search-input { width: 100%; font: inherit; font-size: 1.05rem; padding: 0.65rem 2.6rem 0.65rem 0.8rem; border: 2px solid var(--border); border-radius: 8px; background: var(--bg); color: var(--text); }
.search-input:focus-visible { border-color: var(--focus); outline: none; box-shadow: 0 0 0 3px color-mix(in srgb, var(--focus) 35%, transparent); }
.search-input:focus + .search-key, .search-input:not(:placeholder-shown) + .search-key { display: none; }
.search-key { position: absolute; right: 0.7rem; top: 50%; transform: translateY(-50%); color: var(--muted); }
.hint { color: var(--muted); font-size: 0.88rem; margin: 0.5rem 0; }
.filter { display: inline-flex; align-items: center; gap: 0.5rem; font-size: 0.95rem; cursor: pointer; }
.filter input { width: 1.1rem; height: 1.1rem; accent-color: var(--accent); }
.result-count { color: var(--muted); margin: 0.75rem 0; font-weight: 600; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr)); }
.card { position: relative; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem 1.1rem; display: flex; flex-direction: column; gap: 0.5rem; transition: border-color 0.15s, box-shadow 0.15s; }
.card:hover, .card:focus-within { border-color: var(--accent); box-shadow: 0 2px 10px color-mix(in srgb, var(--accent) 18%, transparent); }
.card[hidden] { display: none; }
.card-title { margin: 0; font-size: 1.15rem; font-family: var(--mono); }
.card-title a { text-decoration: none; }
.card-title a::after { content: ""; position: absolute; inset: 0; border-radius: var(--radius); }
.card-title a:focus-visible { outline: none; }
.card:has(.card-title a:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.card-summary { margin: 0; flex: 1; }
.card-match { margin: 0; font-size: 0.88rem; font-family: var(--mono); color: var(--accent); overflow-wrap: anywhere; }
.card-match[hidden] { display: none; }
.card-facts { margin: 0; display: flex; flex-wrap: wrap; gap: 0.35rem 1.2rem; font-size: 0.88rem; }
.card-facts div, .facts div { display: flex; gap: 0.4rem; align-items: baseline; }
.card-facts dt, .facts dt { color: var(--muted); }
.card-facts dd, .facts dd { margin: 0; }
.no-results { background: var(--surface); border: 1px dashed var(--border); border-radius: var(--radius); padding: 1.25rem; text-align: center; }
.button-link { font: inherit; color: var(--accent); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.tag { display: inline-block; font-size: 0.78rem; font-weight: 600; line-height: 1.4; padding: 0.05rem 0.5rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); vertical-align: 0.1em; white-space: nowrap; }
.tag-ok { background: var(--ok-soft); color: var(--ok); }
.tag-warn { background: var(--warn-soft); color: var(--warn); }
.crumbs { font-size: 0.92rem; color: var(--muted); margin-top: 0.5rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 1rem 0; padding: 0.8rem 1rem; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); font-size: 0.93rem; }
.notice { background: var(--warn-soft); color: var(--text); border-left: 4px solid var(--warn); padding: 0.6rem 0.9rem; border-radius: 6px; }
.notice-error { background: var(--error-soft); border-left-color: var(--error); }
.panel { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 0.2rem 1.1rem 0.5rem; margin-top: 1.5rem; }
.panel h2 { margin-top: 1rem; }
.refs { border: 0; padding: 0; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
.refs legend { font-weight: 600; margin-bottom: 0.5rem; padding: 0; }
.ref-option { display: inline-flex; align-items: center; gap: 0.4rem; border: 1px solid var(--border); border-radius: 8px; padding: 0.35rem 0.7rem; cursor: pointer; background: var(--bg); }
.ref-option:has(input:checked) { border-color: var(--accent); background: var(--accent-soft); }
.ref-option:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.ref-option input { accent-color: var(--accent); margin: 0; }
.ref-label { font-weight: 600; }
.ref-value { background: transparent; padding: 0; }
.ref-meaning { margin: 0.6rem 0; min-height: 1.5em; }
.snippet { position: relative; }
.snippet pre { margin: 0; background: var(--code-bg); border: 1px solid var(--border); border-radius: 8px; padding: 0.9rem 1rem; padding-right: 5.5rem; overflow-x: auto; line-height: 1.5; }
.snippet pre code { background: none; padding: 0; font-size: 0.92rem; overflow-wrap: normal; }
.copy-button { position: absolute; top: 0.5rem; right: 0.5rem; font: inherit; font-size: 0.9rem; font-weight: 600; padding: 0.35rem 0.9rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: var(--surface); cursor: pointer; }
.copy-button:hover { filter: brightness(1.1); }
.copy-status { min-height: 1.4em; margin: 0.3rem 0 0; color: var(--ok); font-weight: 600; font-size: 0.92rem; }
.table-wrap { overflow-x: auto; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); }
table.data { border-collapse: collapse; width: 100%; font-size: 0.94rem; }
table.data th, table.data td { text-align: left; vertical-align: top; padding: 0.55rem 0.8rem; border-bottom: 1px solid var(--border); }
table.data thead th { background: var(--bg); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); white-space: nowrap; }
table.data tbody tr:last-child > * { border-bottom: 0; }
table.data tbody th { font-weight: 400; white-space: nowrap; }
.inputs-table td[data-label="Description"] { min-width: 16rem; }
.inputs-table td[data-label="Default"] { min-width: 10rem; max-width: 16rem; }
.inputs-table td[data-label="Allowed"] { min-width: 8rem; max-width: 14rem; }
.required-row th code { font-weight: 700; }
.version { border-left: 3px solid var(--border); padding: 0.1rem 0 0.1rem 1rem; margin: 0 0 1.2rem; }
.version h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem; font-family: var(--mono); }
.version time { font-family: var(--font); font-weight: 400; color: var(--muted); font-size: 0.9rem; }
.version ul { margin: 0.2rem 0; padding-left: 1.2rem; }
@media (max-width: 40rem) {
  body { font-size: 15.5px; }
  .wrap { padding: 0 0.9rem; }
  .hint { display: none; }
  .search-key { display: none; }
  .table-wrap { border: 0; background: none; overflow: visible; }
  table.data, table.data tbody, table.data tr, table.data th, table.data td { display: block; width: 100%; }
  table.data thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.data tbody tr { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); margin-bottom: 0.75rem; padding: 0.4rem 0; }
  table.data tbody tr > * { border: 0; padding: 0.2rem 0.9rem; }
  table.data tbody th { font-weight: 600; white-space: normal; padding-top: 0.4rem; }
  table.data td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: 0.85rem; }
  .inputs-table td[data-label] { min-width: 0; max-width: none; }
  .inputs-table td[data-label="Type"], .inputs-table td[data-label="Required"] { display: inline-block; width: auto; padding-right: 0; }
  .snippet pre { padding-right: 1rem; padding-top: 2.8rem; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
@media print { .search-panel, .copy-button, .skip-link { display: none; } }
`

// Plain ES2017, no template literals: it is embedded in a TypeScript template string.
export const siteJs = `(function () {
  'use strict';
  function isEditable(element) {
    if (!element) return false;
    var tag = element.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable;
  }

  var search = document.getElementById('search');
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && search && !isEditable(document.activeElement) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // Index: instant search over names, descriptions and input names.
  var indexData = document.getElementById('search-index');
  if (search && indexData) {
    var entries = JSON.parse(indexData.textContent || '[]');
    var cards = {};
    Array.prototype.forEach.call(document.querySelectorAll('[data-component]'), function (card) {
      cards[card.getAttribute('data-component')] = card;
    });
    var count = document.getElementById('result-count');
    var noResults = document.getElementById('no-results');
    var unprivileged = document.getElementById('filter-unprivileged');
    var haystacks = entries.map(function (entry) {
      return (entry.name + ' ' + entry.text + ' ' + entry.inputs.join(' ')).toLowerCase();
    });
    var plural = function (n) { return n === 1 ? '1 component' : n + ' components'; };
    var update = function () {
      var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var onlyUnprivileged = unprivileged && unprivileged.checked;
      var shown = 0;
      entries.forEach(function (entry, i) {
        var match = terms.every(function (term) { return haystacks[i].indexOf(term) !== -1; }) &&
          !(onlyUnprivileged && entry.privileged);
        var card = cards[entry.name];
        if (card) {
          card.hidden = !match;
          // Say which inputs matched, so a search for an input name explains each result.
          var matched = entry.inputs.filter(function (input) {
            return terms.some(function (term) { return input.toLowerCase().indexOf(term) !== -1; });
          });
          var line = card.querySelector('.card-match');
          line.hidden = !match || matched.length === 0;
          line.textContent = matched.length ? 'Matching inputs: ' + matched.join(', ') : '';
        }
        if (match) shown++;
      });
      var filtered = terms.length > 0 || onlyUnprivileged;
      count.textContent = filtered ? shown + ' of ' + plural(entries.length) + ' match' : plural(entries.length);
      noResults.hidden = shown !== 0;
    };
    search.addEventListener('input', update);
    // The browser may restore the search text on back navigation: filter again for it.
    window.addEventListener('pageshow', update);
    if (unprivileged) unprivileged.addEventListener('change', update);
    var visibleLinks = function () {
      return Array.prototype.filter.call(document.querySelectorAll('#component-list .card-title a'), function (link) {
        return !link.closest('.card').hidden;
      });
    };
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && search.value) {
        search.value = '';
        update();
      } else if (event.key === 'ArrowDown') {
        var links = visibleLinks();
        if (links.length) { event.preventDefault(); links[0].focus(); }
      }
    });
    document.getElementById('component-list').addEventListener('keydown', function (event) {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      var links = visibleLinks();
      var at = links.indexOf(document.activeElement);
      if (at === -1) return;
      event.preventDefault();
      var next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) search.focus();
      else if (next < links.length) links[next].focus();
    });
    document.getElementById('clear-search').addEventListener('click', function () {
      search.value = '';
      if (unprivileged) unprivileged.checked = false;
      update();
      search.focus();
    });
    update();
  }

  // Component page: version reference selector and copy button.
  var referencesData = document.getElementById('references');
  var snippet = document.getElementById('snippet');
  if (referencesData && snippet) {
    var references = JSON.parse(referencesData.textContent || '[]');
    var meaning = document.getElementById('ref-meaning');
    var status = document.getElementById('copy-status');
    var button = document.getElementById('copy-snippet');
    Array.prototype.forEach.call(document.querySelectorAll('input[name="ref-kind"]'), function (radio) {
      radio.addEventListener('change', function () {
        var reference = references.filter(function (r) { return r.kind === radio.value; })[0];
        if (!reference) return;
        snippet.textContent = reference.snippet;
        meaning.textContent = reference.meaning;
        status.textContent = '';
        button.textContent = 'Copy';
      });
    });
    var fallbackCopy = function (text) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (error) { ok = false; }
      document.body.removeChild(area);
      button.focus();
      return ok;
    };
    var done = function (ok) {
      status.textContent = ok ? 'Copied' : 'Copy failed: select the snippet and copy it by hand';
      button.textContent = ok ? 'Copied' : 'Copy';
      if (ok) setTimeout(function () { button.textContent = 'Copy'; }, 2000);
    };
    button.addEventListener('click', function () {
      var text = snippet.textContent;
      status.textContent = '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
      } else {
        done(fallbackCopy(text));
      }
    });
  }
})();
`
