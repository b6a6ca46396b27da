import { describe, expect, it } from 'vitest'
import { groupChangesets } from './group-changesets.js'

const changeset = (text: string) => ({ file: '.changeset/x.md', level: 'patch' as const, text })
const components = ['buildx-cache', 'kaniko', 'kaniko-proxy']

describe('groupChangesets', () => {
  it('groups by the component named before the first colon, in component order, Other last', () => {
    const groups = groupChangesets(
      [
        changeset('kaniko: new `cache_ttl` input'),
        changeset('Docs: typo'),
        changeset('buildx-cache: faster'),
        changeset('kaniko: fix proxy'),
        changeset('No component here'),
      ],
      components,
    )
    expect(groups).toEqual([
      { component: 'buildx-cache', entries: ['faster'] },
      { component: 'kaniko', entries: ['new `cache_ttl` input', 'fix proxy'] },
      { component: 'Other', entries: ['Docs: typo', 'No component here'] },
    ])
  })
  it('puts an entry naming several components in each group', () => {
    expect(groupChangesets([changeset('kaniko, kaniko-proxy: bump image')], components)).toEqual([
      { component: 'kaniko', entries: ['bump image'] },
      { component: 'kaniko-proxy', entries: ['bump image'] },
    ])
  })
})
