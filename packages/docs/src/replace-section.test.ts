import { describe, expect, it } from 'vitest'
import { replaceSection } from './replace-section.js'

describe('replaceSection', () => {
  it('replaces only the text between the markers', () => {
    const text = 'before\n<!-- BEGIN GENERATED: inputs -->\nold\n<!-- END GENERATED: inputs -->\nafter\n'
    expect(replaceSection(text, 'inputs', '| new |')).toBe(
      'before\n<!-- BEGIN GENERATED: inputs -->\n\n| new |\n\n<!-- END GENERATED: inputs -->\nafter\n',
    )
  })

  it('returns null when a marker is missing or the end comes first', () => {
    expect(replaceSection('<!-- BEGIN GENERATED: inputs -->\n', 'inputs', 'x')).toBeNull()
    expect(
      replaceSection('<!-- END GENERATED: inputs -->\n<!-- BEGIN GENERATED: inputs -->\n', 'inputs', 'x'),
    ).toBeNull()
  })

  it('leaves other sections alone', () => {
    const text = '<!-- BEGIN GENERATED: outputs -->\nkeep\n<!-- END GENERATED: outputs -->\n'
    expect(replaceSection(text, 'inputs', 'x')).toBeNull()
  })
})
