import { describe, expect, it } from 'vitest'
import { isTruthful, isValidExpression } from './evaluate-expression.js'
import { MAX_TOKENS } from './parse-expression.js'

describe('rules:if expressions', () => {
  it.each([
    ['$[[ inputs.a ]] == "x"', true],
    ["$[[ inputs.a ]] == 'x' && ($[[ inputs.b ]] || null)", true],
    ['$[[ inputs.a ]] =~ /^x+$/i', true],
    ['!$[[ inputs.a ]]', true],
    ['$VAR', true],
    ['true', true],
    ['&&&&', false],
    ['$[[ inputs.a ]] ==', false],
    ['($[[ inputs.a ]] == "x"', false],
    ['$[[ inputs.a ]] == "x")', false],
    ['"a" "b"', false],
    ['', false],
    ['$[[ inputs.a ]] =~ /(?=x)/', false],
    ['unknown', false],
  ])('%s is valid: %s', (expression, valid) => {
    expect(isValidExpression(expression)).toBe(valid)
  })

  it(`rejects more than ${MAX_TOKENS} tokens`, () => {
    expect(isValidExpression(Array.from({ length: 51 }, () => '"a"').join(' == '))).toBe(false)
    expect(isValidExpression(Array.from({ length: 50 }, () => '"a"').join(' || '))).toBe(true)
  })

  it.each([
    ['$[[ inputs.env ]] == "prod"', { env: 'prod' }, true],
    ['$[[ inputs.env ]] != "prod"', { env: 'prod' }, false],
    ['$[[ inputs.env ]] =~ /^pr/', { env: 'prod' }, true],
    ['$[[ inputs.env ]] !~ /^pr/', { env: 'prod' }, false],
    ['$[[ inputs.env ]] =~ /PROD/i', { env: 'prod' }, true],
    ['$[[ inputs.n ]] == "1"', { n: 1 }, false],
    ['$[[ inputs.missing ]] == null', {}, true],
    ['$[[ inputs.flag ]]', { flag: false }, false],
    ['$[[ inputs.blank ]]', { blank: '  ' }, false],
    ['!$[[ inputs.blank ]]', { blank: '' }, true],
    ['"a" == "b" || "c" == "c" && "d" == "e"', {}, false],
    ['("a" == "a" || "c" == "c") && "d" == "d"', {}, true],
    ['$[[ inputs.re ]] =~ $[[ inputs.pattern ]]', { re: 'abc', pattern: '/b/' }, true],
  ])('%s with %o is truthful: %s', (expression, inputs, truthful) => {
    expect(isTruthful(expression, inputs)).toBe(truthful)
  })
})
