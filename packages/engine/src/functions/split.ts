import { rubySplit, rubyStrip } from '../util-ruby.js'
import { type InterpolationFunction, invalidInputType } from './function.js'

/** Ruby `String#split(' ')` is awk-style: it splits on runs of ASCII whitespace, not on single spaces. */
const AWK_WHITESPACE = /[\t\n\v\f\r ]+/

/**
 * `split('<separator>')` (GitLab 19.2, behind `ci_interpolation_split_function`, `functions/split.rb` at 41946e6):
 * Ruby `split(separator).map(&:strip).reject(&:empty?)`, an Array. Single quotes only, so the separator cannot hold
 * a `'` (and, since blocks are split on `|` first, no `|` either).
 */
export const split: InterpolationFunction = {
  name: 'split',
  pattern: /^split\('([^']*)'\)$/,
  execute(args, value) {
    if (typeof value !== 'string') return invalidInputType('split')
    const separator = args[1] ?? ''
    if (separator === '') return { ok: false, message: 'invalid argument: separator cannot be empty' }
    const parts = separator === ' ' ? value.split(AWK_WHITESPACE) : rubySplit(value, separator)
    return { ok: true, value: parts.map(rubyStrip).filter((part) => part !== '') }
  },
}
