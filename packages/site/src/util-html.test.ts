import { describe, expect, it } from 'vitest'
import { escapeHtml, inlineMarkdown, scriptJson } from './util-html.js'

describe('escapeHtml', () => {
  it('escapes the five characters that can change HTML structure', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})

describe('scriptJson', () => {
  it('cannot close its script element and still parses to the same value', () => {
    const value = { text: '</script><script>alert(1)</script> & <!-- \u2028' }
    const json = scriptJson(value)
    expect(json).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('inlineMarkdown', () => {
  it('turns backticks into code and http(s) links into anchors, escaping the rest', () => {
    expect(inlineMarkdown('Set `a<b>` or see [the docs](https://docs.gitlab.com/ci/?a=1&b=2) <i>.')).toBe(
      'Set <code>a&lt;b&gt;</code> or see <a href="https://docs.gitlab.com/ci/?a=1&amp;b=2">the docs</a> &lt;i&gt;.',
    )
  })

  it('leaves links with other schemes as text', () => {
    expect(inlineMarkdown('[x](javascript:alert(1)) [y](data:text/html,hi)')).toBe(
      '[x](javascript:alert(1)) [y](data:text/html,hi)',
    )
  })

  it('cannot break out of the href attribute', () => {
    expect(inlineMarkdown('[x](https://a"onmouseover="alert(1))')).toBe(
      '<a href="https://a&quot;onmouseover=&quot;alert(1">x</a>)',
    )
  })
})
