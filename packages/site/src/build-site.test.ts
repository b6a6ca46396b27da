import { posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureCatalog, HOSTILE, SCRIPT_BREAKOUT } from '../test/fixture.js'
import { buildSite } from './build-site.js'
import { usageSnippet } from './describe-catalog.js'

const site = buildSite(fixtureCatalog())
const pages = Object.entries(site).filter(([path]) => path.endsWith('.html'))

/** The `references` JSON a component page embeds for its version selector. */
function references(path: string): { kind: string; snippet: string }[] {
  const json = /<script type="application\/json" id="references">(.*?)<\/script>/s.exec(site[path] ?? '')?.[1]
  return JSON.parse(json ?? 'null')
}

describe('buildSite', () => {
  it('writes an index, one page per component and local assets', () => {
    expect(Object.keys(site).sort()).toEqual([
      'assets/site.css',
      'assets/site.js',
      'components/buildah.html',
      'components/hostile.html',
      'components/kaniko.html',
      'index.html',
    ])
  })

  it('links only relatively, to files the site contains', () => {
    for (const [path, html] of pages) {
      for (const [, target] of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
        if (target?.startsWith('#')) continue
        if (target?.startsWith('https://')) continue // links written in template descriptions
        expect(target, `${path} → ${target}`).not.toMatch(/^(\/|[a-z]+:)/i)
        const resolved = posix.normalize(posix.join(posix.dirname(path), target ?? ''))
        expect(Object.keys(site), `${path} → ${target}`).toContain(resolved)
      }
    }
  })

  it('loads nothing from outside the site', () => {
    for (const [path, text] of Object.entries(site)) {
      expect(text, path).not.toMatch(
        /@import|url\(|fetch\(|XMLHttpRequest|<link[^>]+https?:|<script[^>]+src="https?:/,
      )
    }
  })

  it('never lets template text become markup', () => {
    for (const [path, html] of pages) {
      expect(html, path).not.toContain(HOSTILE)
      expect(html, path).not.toContain(SCRIPT_BREAKOUT)
      expect(html, path).not.toContain('href="javascript:')
      // Exactly the site's own script elements, however the hostile text tries to close or open one.
      expect(html.match(/<script/g)?.length, path).toBe(html.match(/<\/script>/g)?.length)
    }
    expect(site['components/hostile.html']).toContain(
      'Summary &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;',
    )
  })

  it('embeds a snippet for each version reference, required inputs as placeholders', () => {
    const snippets = Object.fromEntries(references('components/kaniko.html').map((r) => [r.kind, r.snippet]))
    const inputs = '    inputs:\n      image_name: <image_name>\n      cache_ttl: <cache_ttl>  # number\n'
    const address = '$CI_SERVER_FQDN/platform/ci/container-build-catalog/kaniko'
    expect(snippets).toEqual({
      exact: `include:\n  - component: ${address}@1.10.1\n${inputs}`,
      minor: `include:\n  - component: ${address}@1.10\n${inputs}`,
      major: `include:\n  - component: ${address}@1\n${inputs}`,
      latest: `include:\n  - component: ${address}@~latest\n${inputs}`,
      sha: `include:\n  - component: ${address}@${'b'.repeat(40)}\n${inputs}`,
    })
    // The exact snippet is also the one shown before any script runs.
    expect(site['components/kaniko.html']).toContain(
      `<code id="snippet">include:\n  - component: ${address}@1.10.1\n`,
    )
  })

  it("lists every version with the component's own changelog entries", () => {
    const html = site['components/kaniko.html'] ?? ''
    const versions = [...html.matchAll(/<article class="version" id="v-([^"]+)">/g)].map((match) => match[1])
    expect(versions).toEqual(['2.0.0-rc.1', '1.10.1', '1.2.0'])
    expect(html).toContain('<li>Fix the cache on retries.</li>')
    expect(html).toContain('<li>Add <code>cache_ttl</code>.</li>')
    expect(html).not.toContain('Docs.')
    expect(site['components/buildah.html']).toContain('No changes to buildah in this release.')
  })

  it('shows the inputs table with type, default, allowed values and whether each is required', () => {
    const html = site['components/kaniko.html'] ?? ''
    const row = /<tr>\n<th scope="row" data-label="Input"><code>log_level<\/code><\/th>(.*?)<\/tr>/s.exec(
      html,
    )?.[1]
    expect(row?.replace(/\s*\n/g, '')).toBe(
      '<td data-label="Type">string</td><td data-label="Required"><span class="muted">no</span></td>' +
        '<td data-label="Default"><code>info</code></td>' +
        '<td data-label="Allowed">one of <code>debug</code>, <code>info</code>, <code>warn</code></td>' +
        '<td data-label="Description"><span class="muted">No description.</span></td>',
    )
  })
})

describe('usageSnippet', () => {
  it('has no inputs block when nothing is required', () => {
    expect(usageSnippet('<group>/<project>', 'buildah', '1.0.0', [])).toBe(
      'include:\n  - component: $CI_SERVER_FQDN/<group>/<project>/buildah@1.0.0\n',
    )
  })
})
