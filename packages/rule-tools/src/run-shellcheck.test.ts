import { describe, expect, it } from 'vitest'
import { runShellcheck } from './run-shellcheck.js'

describe('runShellcheck', () => {
  it('maps comments back to the script they came from', async () => {
    const comments = await runShellcheck([
      { name: 'clean.sh', text: '#!/bin/sh\necho "$HOME"\n' },
      { name: 'broken.sh', text: '#!/bin/sh\nif true; then\n' },
    ])
    expect(new Set(comments.map(({ name }) => name))).toEqual(new Set(['broken.sh']))
    expect(comments).toContainEqual(
      expect.objectContaining({ name: 'broken.sh', level: 'error', code: 1072, line: 3 }),
    )
  })

  it('says so when the binary is missing', async () => {
    await expect(runShellcheck([{ name: 'a.sh', text: 'true\n' }], 'no-such-shellcheck')).rejects.toThrow(
      '`no-such-shellcheck` is not installed',
    )
  })
})
