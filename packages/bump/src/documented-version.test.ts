import { describe, expect, it } from 'vitest'
import { documentedVersion } from './documented-version.js'

const changelog = (version: string) => `# Changelog\n\n## ${version} (2026-11-23)\n\n### Other\n\n- x\n`

describe('documentedVersion', () => {
  it('is the newest release tag when CHANGELOG.md is at it', () => {
    expect(documentedVersion(changelog('1.3.0'), ['1.2.0', '1.3.0'])).toBe('1.3.0')
  })
  it('is the CHANGELOG.md top section when it is newer than every tag (release commit awaiting its tag)', () => {
    expect(documentedVersion(changelog('1.4.0'), ['1.2.0', '1.3.0'])).toBe('1.4.0')
    expect(documentedVersion(changelog('1.0.0'), [])).toBe('1.0.0')
  })
  it('ignores an older or pre-release top section, and a missing changelog', () => {
    expect(documentedVersion(changelog('1.1.0'), ['1.3.0'])).toBe('1.3.0')
    expect(documentedVersion(changelog('2.0.0-rc.1'), ['1.3.0'])).toBe('1.3.0')
    expect(documentedVersion(null, ['1.3.0', 'nightly'])).toBe('1.3.0')
    expect(documentedVersion('# Changelog\n', [])).toBeNull()
  })
})
