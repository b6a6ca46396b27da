import { component, type GitlabCase } from './case.js'

const INPUTS = 'spec/lib/gitlab/ci/config/interpolation/inputs_spec.rb'
const BUILDER = 'spec/lib/ci/inputs/builder_spec.rb'
const STRING = 'spec/lib/ci/inputs/string_input_spec.rb'
const NUMBER = 'spec/lib/ci/inputs/number_input_spec.rb'
const INTERPOLATOR = 'spec/lib/gitlab/ci/config/interpolation/interpolator_spec.rb'
const SPEC_DOC = 'gitlab-components-spec.md §3.4'
// 19.0: array_input.rb, base_input.rb and array_input_spec.rb read at gitlabhq 55eb439.
const ARRAY = 'spec/lib/ci/inputs/array_input_spec.rb'
const ARRAY_SOURCE = 'lib/ci/inputs/array_input.rb @55eb439'
const BASE_SOURCE = 'lib/ci/inputs/base_input.rb @55eb439'
const HEADER_SOURCE = 'lib/gitlab/ci/config/entry/base_input.rb (ALLOWED_OPTIONS_LIMIT)'
const OPTIONS = '{ type: array, default: [dev], options: [dev, staging, production] }'

/** The same shape as `inputs`, rendered as GitLab 19.0 (array options exist from 19.0). */
function inputs19(...args: Parameters<typeof inputs>): GitlabCase {
  return { ...inputs(...args), gitlab: '19.0' }
}

/** Renders every declared input as `name: $[[ inputs.name ]]`, so the resolved values are the config. */
function inputs(
  name: string,
  source: string,
  specs: Record<string, string | null>,
  args: unknown,
  expected: GitlabCase['expected'],
): GitlabCase {
  const header = Object.entries(specs)
    .map(([input, spec]) => (spec === null ? `    ${input}:` : `    ${input}: ${spec}`))
    .join('\n')
  const content = Object.keys(specs)
    .map((input) => `${input}: $[[ inputs.${input} ]]`)
    .join('\n')
  return {
    name,
    source,
    template: component(`spec:\n  inputs:\n${header}`, `${content}\n`),
    inputs: args,
    expected,
  }
}

export const inputCases: GitlabCase[] = [
  inputs('valid › default used', INPUTS, { foo: '{ default: bar }' }, {}, { config: { foo: 'bar' } }),
  inputs(
    'valid › value overrides default',
    INPUTS,
    { foo: '{ default: bar }' },
    { foo: 'test' },
    { config: { foo: 'test' } },
  ),
  inputs(
    'valid › nil spec is a required string',
    INPUTS,
    { foo: null },
    { foo: 'bar' },
    { config: { foo: 'bar' } },
  ),
  inputs(
    'valid › type string',
    INPUTS,
    { foo: '{ type: string }' },
    { foo: 'bar' },
    { config: { foo: 'bar' } },
  ),
  inputs(
    'valid › type string with default, value given',
    INPUTS,
    { foo: '{ type: string, default: bar }' },
    { foo: 'test' },
    {
      config: { foo: 'test' },
    },
  ),
  inputs(
    'valid › type string with default, none given',
    INPUTS,
    { foo: '{ type: string, default: bar }' },
    {},
    {
      config: { foo: 'bar' },
    },
  ),
  inputs(
    'valid › default and required input',
    INPUTS,
    { foo: '{ default: bar }', baz: null },
    { baz: 'test' },
    {
      config: { foo: 'bar', baz: 'test' },
    },
  ),
  inputs(
    'valid › number input',
    INPUTS,
    { number_input: '{ type: number }' },
    { number_input: 8 },
    { config: { number_input: 8 } },
  ),
  inputs(
    'valid › number default',
    INPUTS,
    { default_number_input: '{ default: 9, type: number }' },
    {},
    {
      config: { default_number_input: 9 },
    },
  ),
  inputs(
    'valid › boolean inputs',
    INPUTS,
    { true_input: '{ type: boolean }', false_input: '{ type: boolean }' },
    { true_input: true, false_input: false },
    { config: { true_input: true, false_input: false } },
  ),
  inputs(
    'valid › boolean default',
    INPUTS,
    { default_boolean_input: '{ default: true, type: boolean }' },
    {},
    {
      config: { default_boolean_input: true },
    },
  ),
  inputs(
    'invalid › unknown input argument',
    INPUTS,
    { foo: null },
    { foo: 'bar', test: 'bar' },
    {
      error: 'unknown input arguments: test',
    },
  ),
  inputs(
    'invalid › unknown arguments are listed before required errors',
    INPUTS,
    { foo: null },
    { test: 'bar', gitlab: '1' },
    {
      error: 'unknown input arguments: test, gitlab, `foo` input: required value has not been provided',
    },
  ),
  inputs(
    'invalid › required value missing',
    INPUTS,
    { foo: null },
    {},
    {
      error: '`foo` input: required value has not been provided',
    },
  ),
  inputs(
    'legacy "default value is not a string": 18.11 coerces a number default with to_s',
    `${INPUTS} + ${STRING}`,
    { foo: '{ default: 123 }' },
    { foo: 'test' },
    { config: { foo: 'test' } },
  ),
  inputs(
    'legacy "provided value is not a string": 18.11 coerces 123 to "123"',
    `${INPUTS} + ${STRING}`,
    { foo: '{ default: test }' },
    { foo: 123 },
    { config: { foo: '123' } },
  ),
  inputs(
    'invalid › number input given NaN',
    INPUTS,
    { number_input: '{ type: number }' },
    { number_input: 'NaN' },
    {
      error: '`number_input` input: provided value is not a number',
    },
  ),
  inputs(
    'invalid › number default NaN',
    INPUTS,
    { default_number_input: "{ default: 'NaN', type: number }" },
    {},
    {
      error: '`default_number_input` input: default value is not a number',
    },
  ),
  inputs(
    'invalid › boolean given a string',
    INPUTS,
    { boolean_input: '{ type: boolean }' },
    { boolean_input: 'string' },
    {
      error: '`boolean_input` input: provided value is not a boolean',
    },
  ),
  inputs(
    'invalid › boolean default is a string',
    INPUTS,
    { default_boolean_input: '{ default: string, type: boolean }' },
    {},
    {
      error: '`default_boolean_input` input: default value is not a boolean',
    },
  ),
  inputs(
    'with valid params as string',
    BUILDER,
    { number_param: '{ type: number }' },
    { number_param: '123' },
    {
      config: { number_param: 123 },
    },
  ),
  inputs(
    'with valid params as number',
    BUILDER,
    { number_param: '{ type: number }' },
    { number_param: 123 },
    {
      config: { number_param: 123 },
    },
  ),
  inputs(
    'with missing required params (nil value)',
    BUILDER,
    { number_param: '{ type: number }' },
    { number_param: null },
    {
      error: '`number_param` input: required value has not been provided',
    },
  ),
  inputs(
    'with invalid param type',
    BUILDER,
    { number_param: '{ type: number }' },
    { number_param: 'abc' },
    {
      error: '`number_param` input: provided value is not a number',
    },
  ),
  inputs(
    'with invalid input specification (type: nil passes the header, not the builder)',
    BUILDER,
    { invalid_param: '{ type: null }' },
    {},
    {
      error: 'unknown input specification for `invalid_param` (valid types: array, boolean, number, string)',
    },
  ),
  inputs(
    'to_params › with missing params returns default values',
    BUILDER,
    { string_param: '{ type: string, default: test }', number_param: '{ type: number, default: 42 }' },
    { number_param: 100 },
    { config: { string_param: 'test', number_param: 100 } },
  ),
  inputs(
    'all types with defaults',
    BUILDER,
    {
      string_param: '{ type: string, default: test }',
      number_param: '{ type: number, default: 42 }',
      boolean_param: '{ type: boolean, default: true }',
      array_param: '{ type: array, default: [item1] }',
    },
    {},
    { config: { string_param: 'test', number_param: 42, boolean_param: true, array_param: ['item1'] } },
  ),
  inputs(
    'when value is not in the allowed options',
    STRING,
    { test_input: '{ default: a, options: [a, b, c] }' },
    { test_input: 'd' },
    {
      error: '`test_input` input: `d` cannot be used because it is not in the list of allowed options',
    },
  ),
  inputs(
    'when value is in the allowed options',
    STRING,
    { test_input: '{ default: a, options: [a, b, c] }' },
    { test_input: 'b' },
    {
      config: { test_input: 'b' },
    },
  ),
  inputs(
    'when options contain symbols and value is a string',
    STRING,
    { test_input: '{ default: a, options: [:a, :b, :c] }' },
    { test_input: 'b' },
    {
      config: { test_input: 'b' },
    },
  ),
  inputs(
    'options are compared as strings (numbers in options)',
    STRING,
    { test_input: '{ default: "1", options: [1, 2] }' },
    { test_input: 2 },
    {
      config: { test_input: '2' },
    },
  ),
  inputs(
    'when value matches the regex',
    STRING,
    { test_input: "{ default: test, regex: '^[a-z]+$' }" },
    { test_input: 'hello' },
    {
      config: { test_input: 'hello' },
    },
  ),
  inputs(
    'when value does not match the regex',
    STRING,
    { test_input: "{ default: test, regex: '^[a-z]+$' }" },
    { test_input: 'hello123' },
    {
      error: '`test_input` input: provided value does not match required RegEx pattern',
    },
  ),
  inputs(
    'when default value does not match the regex',
    STRING,
    { test_input: "{ default: test123, regex: '^[a-z]+$' }" },
    {},
    {
      error: '`test_input` input: default value does not match required RegEx pattern',
    },
  ),
  inputs(
    'when regex is invalid',
    STRING,
    { test_input: "{ regex: '[' }" },
    { test_input: 'value' },
    {
      error: '`test_input` input: invalid regular expression',
    },
  ),
  inputs(
    'when regex allows empty string',
    STRING,
    { test_input: "{ default: '', regex: '^$' }" },
    { test_input: '' },
    {
      config: { test_input: '' },
    },
  ),
  inputs(
    'when value is not a string (coerced before the regex)',
    STRING,
    { test_input: "{ default: '123', regex: '^[0-9]+$' }" },
    { test_input: 123 },
    {
      config: { test_input: '123' },
    },
  ),
  inputs(
    'coerces boolean to string',
    STRING,
    { test_input: '{ default: default }' },
    { test_input: true },
    {
      config: { test_input: 'true' },
    },
  ),
  inputs(
    'coerces false to string',
    STRING,
    { test_input: '{ default: default }' },
    { test_input: false },
    {
      config: { test_input: 'false' },
    },
  ),
  inputs(
    'when default value is not a number',
    NUMBER,
    { test_input: "{ type: number, default: 'not a number' }" },
    {},
    {
      error: '`test_input` input: default value is not a number',
    },
  ),
  inputs(
    'when provided value is not a number',
    NUMBER,
    { test_input: '{ type: number, default: 42 }' },
    { test_input: 'not a number' },
    {
      error: '`test_input` input: provided value is not a number',
    },
  ),
  inputs(
    'when value is a float',
    NUMBER,
    { test_input: '{ type: number, default: 3.14 }' },
    { test_input: 3.14 },
    {
      config: { test_input: 3.14 },
    },
  ),
  inputs(
    'number value not in the allowed options',
    NUMBER,
    { test_input: '{ type: number, default: 1, options: [1, 2, 3] }' },
    { test_input: 5 },
    {
      error: '`test_input` input: `5` cannot be used because it is not in the list of the allowed options',
    },
  ),
  inputs(
    'number value in the allowed options',
    NUMBER,
    { test_input: '{ type: number, default: 1, options: [1, 2, 3] }' },
    { test_input: 2 },
    {
      config: { test_input: 2 },
    },
  ),
  inputs(
    'coerces string to number via JSON parsing',
    NUMBER,
    { test_input: '{ type: number, default: 1 }' },
    { test_input: '42' },
    {
      config: { test_input: 42 },
    },
  ),
  inputs(
    'when provided interpolation argument is invalid',
    INTERPOLATOR,
    { number_of_deploy: '{ type: number }' },
    { number_of_deploy: 'hello' },
    {
      error: '`number_of_deploy` input: provided value is not a number',
    },
  ),
  inputs('when provided interpolation arguments are not a hash', INTERPOLATOR, { website: null }, 'invalid', {
    error: 'Given inputs must be a hash',
  }),
  inputs('inputs given as an array are not a hash', INTERPOLATOR, { website: null }, ['website'], {
    error: 'Given inputs must be a hash',
  }),
  {
    name: 'when spec header is missing but inputs are specified',
    source: INTERPOLATOR,
    template: 'test: echo\n',
    inputs: { foo: 'bar' },
    expected: { error: 'Given inputs not defined in the `spec` section of the included configuration file' },
  },
  {
    name: 'when interpolation is not used › returns original content',
    source: INTERPOLATOR,
    template: 'test: deploy production\n',
    expected: { config: { test: 'deploy production' } },
  },
  inputs(
    'a boolean given the string "true" is coerced (JSON)',
    SPEC_DOC,
    { flag: '{ type: boolean }' },
    { flag: 'true' },
    {
      config: { flag: true },
    },
  ),
  inputs(
    'an array given a JSON string is coerced',
    SPEC_DOC,
    { list: '{ type: array }' },
    { list: '["a","b"]' },
    {
      config: { list: ['a', 'b'] },
    },
  ),
  inputs(
    'an array given a plain string is not an array',
    SPEC_DOC,
    { list: '{ type: array }' },
    { list: 'a,b' },
    {
      error: '`list` input: provided value is not an array',
    },
  ),
  inputs(
    'an array default that is not an array',
    SPEC_DOC,
    { list: '{ type: array, default: abc }' },
    {},
    {
      error: '`list` input: default value is not an array',
    },
  ),
  inputs(
    '"null" is parsed to nil and is not a number',
    SPEC_DOC,
    { n: '{ type: number }' },
    { n: 'null' },
    {
      error: '`n` input: provided value is not a number',
    },
  ),
  inputs(
    'a bad default fails even when a value is given',
    SPEC_DOC,
    { n: "{ type: number, default: 'x' }" },
    { n: 3 },
    {
      error: '`n` input: default value is not a number',
    },
  ),
  inputs(
    'order inside one input: type, then options, then regex (boolean with options and regex)',
    SPEC_DOC,
    { b: "{ type: boolean, options: [a], regex: 'x' }" },
    { b: 'nope' },
    {
      error:
        '`b` input: provided value is not a boolean, `b` input: Options can only be used with string and number inputs, `b` input: RegEx validation can only be used with string inputs',
    },
  ),
  inputs(
    'options on an array input are not allowed in 18.11',
    SPEC_DOC,
    { list: '{ type: array, options: [a] }' },
    { list: ['a'] },
    {
      error: '`list` input: Options can only be used with string and number inputs',
    },
  ),
  inputs(
    'regex on a number input is not allowed',
    SPEC_DOC,
    { n: "{ type: number, regex: '^1$' }" },
    { n: 1 },
    {
      error: '`n` input: RegEx validation can only be used with string inputs',
    },
  ),
  inputs(
    'regex is an unanchored search',
    SPEC_DOC,
    { v: "{ regex: 'v[0-9]' }" },
    { v: 'release-v1-final' },
    {
      config: { v: 'release-v1-final' },
    },
  ),
  inputs(
    'regex uses RE2: backreferences do not compile',
    SPEC_DOC,
    { v: "{ regex: '(a)\\1' }" },
    { v: 'aa' },
    {
      error: '`v` input: invalid regular expression',
    },
  ),
  inputs(
    'regex uses RE2: lookahead does not compile',
    SPEC_DOC,
    { v: "{ regex: '^(?=a)a$' }" },
    { v: 'a' },
    {
      error: '`v` input: invalid regular expression',
    },
  ),
  inputs(
    'regex `a++` does not compile in RE2',
    SPEC_DOC,
    { v: "{ regex: 'a++' }" },
    { v: 'a' },
    {
      error: '`v` input: invalid regular expression',
    },
  ),
  inputs(
    'RE2 `$` is a text anchor, not a line anchor',
    SPEC_DOC,
    { v: "{ regex: '^a$' }" },
    { v: 'a\nb' },
    {
      error: '`v` input: provided value does not match required RegEx pattern',
    },
  ),
  inputs(
    'at most three errors are reported',
    'spec/lib/gitlab/ci/config/interpolation/interpolator_spec.rb (error_message) + gitlab-components-spec.md §3.4',
    { a: null, b: null, c: null, d: null },
    {},
    {
      error:
        '`a` input: required value has not been provided, `b` input: required value has not been provided, `c` input: required value has not been provided',
    },
  ),
  inputs(
    'an input with an unknown spec is not an input name (unknown argument)',
    SPEC_DOC,
    { x: '{ type: null }' },
    { x: 'a' },
    {
      error:
        'unknown input arguments: x, unknown input specification for `x` (valid types: array, boolean, number, string)',
    },
  ),
  inputs(
    '`foo: false` is normalised to `{}` (Factory#value(config || {})): a required string',
    SPEC_DOC,
    { foo: 'false' },
    { foo: 'a' },
    {
      config: { foo: 'a' },
    },
  ),
  inputs(
    'string options: the provided value wording has no "the"',
    SPEC_DOC,
    { s: '{ options: [a, b] }' },
    { s: 'c' },
    {
      error: '`s` input: `c` cannot be used because it is not in the list of allowed options',
    },
  ),
  inputs(
    'empty string is a provided value (not missing)',
    SPEC_DOC,
    { s: null },
    { s: '' },
    { config: { s: '' } },
  ),
  inputs(
    'a float option matches an integer value (Ruby ==)',
    SPEC_DOC,
    { n: '{ type: number, options: [1.0, 2.5] }' },
    { n: 1 },
    {
      config: { n: 1 },
    },
  ),
  inputs(
    'when inputs have invalid type options › returns an error',
    INPUTS,
    { foo: '{ default: true, options: [true, false], type: boolean }' },
    {},
    { error: '`foo` input: Options can only be used with string and number inputs' },
  ),
]

/** What changed in 19.0: `options` on array inputs, every element checked (`value - allowed_options`). */
export const arrayOptionCases: GitlabCase[] = [
  inputs19(
    'when validating options › when all values are in the allowed options › does not add errors',
    ARRAY,
    { test_input: OPTIONS },
    { test_input: ['dev', 'production'] },
    { config: { test_input: ['dev', 'production'] } },
  ),
  inputs19(
    'when validating options › when value is not in the allowed options › adds an error',
    ARRAY,
    { test_input: OPTIONS },
    { test_input: ['dev', 'invalid'] },
    { error: '`test_input` input: invalid cannot be used because it is not in the list of allowed options' },
  ),
  inputs19(
    'when validating type › when value is not an array and options are specified › only adds a type error',
    ARRAY,
    { test_input: OPTIONS },
    { test_input: 'dev' },
    { error: '`test_input` input: provided value is not an array' },
  ),
  inputs19(
    'when validating options › when options are not specified › does not add errors',
    ARRAY,
    { test_input: '{ type: array, default: [item1] }' },
    { test_input: ['any', 'values'] },
    { config: { test_input: ['any', 'values'] } },
  ),
  inputs19(
    'when validating options › when value is nil and options are specified › does not validate options for nil values',
    ARRAY,
    { test_input: OPTIONS },
    {},
    { config: { test_input: ['dev'] } },
  ),
  inputs19(
    'when validating options › when default value is not in the allowed options › adds an error',
    ARRAY,
    { test_input: '{ type: array, default: [invalid], options: [dev, staging, production] }' },
    {},
    { error: '`test_input` input: invalid cannot be used because it is not in the list of allowed options' },
  ),
  inputs19(
    'when validating options › when value is an empty array › does not add errors',
    ARRAY,
    { test_input: OPTIONS },
    { test_input: [] },
    { config: { test_input: [] } },
  ),
  inputs19(
    'every element outside the options is listed, joined by `, `, without backticks',
    ARRAY_SOURCE,
    { list: '{ type: array, options: [a] }' },
    { list: ['x', 'a', 'y'] },
    { error: '`list` input: x, y cannot be used because it is not in the list of allowed options' },
  ),
  inputs19(
    'elements are compared by type: the string "1" is not the option 1',
    ARRAY_SOURCE,
    { list: '{ type: array, options: [1, 2] }' },
    { list: ['1', 2] },
    { error: '`list` input: 1 cannot be used because it is not in the list of allowed options' },
  ),
  inputs19(
    'a bad default is reported even when a valid value is given',
    ARRAY_SOURCE,
    { list: '{ type: array, default: [z], options: [a] }' },
    { list: ['a'] },
    { error: '`list` input: z cannot be used because it is not in the list of allowed options' },
  ),
  inputs19(
    'options on an array input are allowed from 19.0',
    ARRAY_SOURCE,
    { list: '{ type: array, options: [a] }' },
    { list: ['a'] },
    { config: { list: ['a'] } },
  ),
  inputs19(
    'options on a boolean input name array inputs from 19.0',
    BASE_SOURCE,
    { foo: '{ default: true, options: [true, false], type: boolean }' },
    {},
    { error: '`foo` input: Options can only be used with string, number, and array inputs' },
  ),
  inputs19(
    'array inputs have the same 50-option limit as the others',
    HEADER_SOURCE,
    { list: `{ type: array, options: [${Array.from({ length: 51 }, (_, i) => `o${i}`).join(', ')}] }` },
    {},
    { error: 'header:spec:inputs:list config cannot define more than 50 options' },
  ),
]
