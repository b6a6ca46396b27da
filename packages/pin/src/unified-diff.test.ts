import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { unifiedDiff } from './unified-diff.js'

/** GNU diff's own output, the reference this helper must match. */
function gnuDiff(before: string, after: string): string {
  const dir = testdir({})
  writeFileSync(join(dir, 'before'), before)
  writeFileSync(join(dir, 'after'), after)
  try {
    return execFileSync('diff', ['-u', '--label', 'a/f.yml', '--label', 'b/f.yml', 'before', 'after'], {
      cwd: dir,
      encoding: 'utf8',
    })
  } catch (error) {
    return (error as { stdout: string }).stdout
  }
}

const lines = (n: number, change: Record<number, string> = {}) =>
  Array.from({ length: n }, (_, i) => change[i + 1] ?? `line ${i + 1}`).join('\n')

const cases: Record<string, [string, string]> = {
  'one changed line in the middle': [`${lines(20)}\n`, `${lines(20, { 10: 'changed' })}\n`],
  'two changes far apart make two hunks': [`${lines(30)}\n`, `${lines(30, { 3: 'x', 25: 'y' })}\n`],
  'two changes close together share a hunk': [`${lines(30)}\n`, `${lines(30, { 10: 'x', 16: 'y' })}\n`],
  'change on the first and last line': [`${lines(5)}\n`, `${lines(5, { 1: 'a', 5: 'e' })}\n`],
  'inserted and deleted lines': [
    `${lines(10)}\n`,
    `${lines(10).replace('line 4\n', '').replace('line 8', 'line 8\nnew')}\n`,
  ],
  'no newline at end of file': [lines(6), lines(6, { 6: 'last' })],
  'newline added at end of file': [lines(4), `${lines(4)}\n`],
}

describe('unifiedDiff', () => {
  it.each(Object.entries(cases))('%s: same as diff -u', (_name, [before, after]) => {
    expect(unifiedDiff(before, after, { fromFile: 'a/f.yml', toFile: 'b/f.yml' })).toBe(
      gnuDiff(before, after),
    )
  })

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', { fromFile: 'a', toFile: 'b' })).toBe('')
  })
})
