import { describe, expect, it } from 'vitest'
import { changesFor } from './util-changelog.js'

const section = `### buildah
- Add \`storage_driver\`.
### kaniko
- Fix the cache
  on retries.
- Drop \`insecure\`.

### Other
- Docs.`

describe('changesFor', () => {
  it("returns the entries under the component's heading, joining continuation lines", () => {
    expect(changesFor(section, 'kaniko')).toEqual(['Fix the cache on retries.', 'Drop `insecure`.'])
    expect(changesFor(section, 'buildah')).toEqual(['Add `storage_driver`.'])
  })

  it('returns nothing for a component the release did not change', () => {
    expect(changesFor(section, 'cosign-sign')).toEqual([])
    expect(changesFor('', 'kaniko')).toEqual([])
  })
})
