import { component, type GitlabCase } from './case.js'

const ROOT = 'spec/lib/gitlab/ci/config/header/root_spec.rb'
const INPUT = 'spec/lib/gitlab/ci/config/header/input_spec.rb'
const BASE_INPUT = 'spec/support/shared_examples/ci/config/entry/base_input_shared_examples.rb'
const COMPONENT = 'spec/lib/gitlab/ci/config/header/component_spec.rb'
const INTERPOLATOR = 'spec/lib/gitlab/ci/config/interpolation/interpolator_spec.rb'
const SPEC_DOC = 'gitlab-components-spec.md §3.2/§3.3 (lib/gitlab/ci/config/header/*.rb, entry/base_input.rb)'

function header(
  name: string,
  source: string,
  spec: string,
  expected: GitlabCase['expected'],
  inputs?: unknown,
): GitlabCase {
  return {
    name,
    source,
    template: component(spec, 'job:\n  script: echo\n'),
    ...(inputs ? { inputs } : {}),
    expected,
  }
}

const valid = { config: { job: { script: 'echo' } } }

const SPEC = 'spec/lib/gitlab/ci/config/header/spec_spec.rb'

export const headerCases: GitlabCase[] = [
  header(
    'when spec contains unknown keywords (location header:spec under the interpolator)',
    SPEC,
    'spec:\n  test: 123',
    {
      error: 'header:spec config contains unknown keys: test',
    },
  ),
  header(
    'when spec contains both inputs and component',
    SPEC,
    'spec:\n  inputs:\n    foo:\n      default: bar\n  component: [name, version]',
    valid,
  ),
  header('when spec contains a required value', SPEC, 'spec:\n  inputs:\n    foo:', {
    error: '`foo` input: required value has not been provided',
  }),
  header(
    'when header contains default and required values for inputs',
    ROOT,
    'spec:\n  inputs:\n    test: {}\n    foo:\n      default: bar',
    valid,
    { test: 'x' },
  ),
  header('when header contains minimal data (inputs: nil)', ROOT, 'spec:\n  inputs:', valid),
  header(
    'when header contains unknown keywords (root key is `header` under the interpolator)',
    ROOT,
    'spec: {}\ntest: 123',
    {
      error: 'header config contains unknown keys: test',
    },
  ),
  header('when header input entry has an unknown key', ROOT, 'spec:\n  inputs:\n    foo:\n      bad: value', {
    error: 'header:spec:inputs:foo config contains unknown keys: bad',
  }),
  header(
    'when spec header is invalid',
    INTERPOLATOR,
    'spec:\n  arguments:\n    website:',
    {
      error: 'header:spec config contains unknown keys: arguments',
    },
    { website: 'gitlab.com' },
  ),
  header(
    'with string type',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      type: string\n      default: x',
    valid,
  ),
  header(
    'with number type',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      type: number\n      default: 1',
    valid,
  ),
  header(
    'with boolean type',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      type: boolean\n      default: true',
    valid,
  ),
  header(
    'with array type',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      type: array\n      default: []',
    valid,
  ),
  header(
    'with description',
    BASE_INPUT,
    "spec:\n  inputs:\n    environment:\n      description: 'A helpful description'\n      default: x",
    valid,
  ),
  header(
    'with options',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      options: [option1, option2]\n      default: option1',
    valid,
  ),
  header(
    'with regex',
    BASE_INPUT,
    "spec:\n  inputs:\n    environment:\n      regex: '^v\\d+\\.\\d+\\.\\d+$'\n      default: v1.2.3",
    valid,
  ),
  header('with invalid type', BASE_INPUT, 'spec:\n  inputs:\n    environment:\n      type: invalid_type', {
    error: 'header:spec:inputs:environment input type unknown value: invalid_type',
  }),
  header(
    'when options is not an array',
    BASE_INPUT,
    'spec:\n  inputs:\n    environment:\n      options: not_an_array',
    {
      error: 'header:spec:inputs:environment input options should be an array',
    },
  ),
  header(
    'when options exceed limit',
    BASE_INPUT,
    `spec:\n  inputs:\n    environment:\n      options: [${Array.from({ length: 51 }, (_, i) => i + 1).join(', ')}]`,
    { error: 'header:spec:inputs:environment config cannot define more than 50 options' },
  ),
  header(
    'fifty options are allowed',
    BASE_INPUT,
    `spec:\n  inputs:\n    environment:\n      default: '1'\n      options: [${Array.from({ length: 50 }, (_, i) => i + 1).join(', ')}]`,
    valid,
  ),
  header('when regex is not a string', BASE_INPUT, 'spec:\n  inputs:\n    environment:\n      regex: 123', {
    error: 'header:spec:inputs:environment input regex should be a string',
  }),
  header('with unknown keys', BASE_INPUT, 'spec:\n  inputs:\n    environment:\n      unknown_key: value', {
    error: 'header:spec:inputs:environment config contains unknown keys: unknown_key',
  }),
  header(
    'when rules and options are both present',
    INPUT,
    'spec:\n  inputs:\n    environment:\n      rules:\n        - options: [option_a]\n      options: [option_b, option_c]',
    { error: 'header:spec:inputs:environment config these keys cannot be used together: rules, options' },
  ),
  header(
    'when rules and default are both present',
    INPUT,
    'spec:\n  inputs:\n    environment:\n      rules:\n        - options: [option_a]\n          default: option_a\n      default: value_b',
    { error: 'header:spec:inputs:environment config these keys cannot be used together: rules, default' },
  ),
  header(
    'config is an array of valid strings',
    COMPONENT,
    'spec:\n  component: [name, sha, version, reference]',
    valid,
  ),
  header('config is an empty array', COMPONENT, 'spec:\n  component: []', valid),
  header('config contains invalid values', COMPONENT, 'spec:\n  component: [name, invalid_key, version]', {
    error: 'header:spec:component config contains unknown values: invalid_key',
  }),
  header('config is not an array', COMPONENT, 'spec:\n  component: name', {
    error:
      'header:spec:component config should be an array, header:spec:component config should be an array of strings',
  }),
  header('config is a hash', COMPONENT, 'spec:\n  component:\n    name: true', {
    error:
      'header:spec:component config should be an array, header:spec:component config should be an array of strings',
  }),
  header('config contains non-string values', COMPONENT, 'spec:\n  component: [name, 123, version]', {
    error:
      'header:spec:component config should be an array of strings, header:spec:component config contains unknown values: 123',
  }),
  {
    name: 'when config has duplicate values (value is deduplicated)',
    source: COMPONENT,
    template: component(
      'spec:\n  component: [name, version, name, sha]',
      'job: $[[ component.name ]]@$[[ component.sha ]]\n',
    ),
    context: { component: { name: 'c', sha: 'abc', version: '1.0.0', reference: '1.0' } },
    expected: { config: { job: 'c@abc' } },
  },
  header(
    'messages are lower-cased, including user text',
    SPEC_DOC,
    'spec:\n  inputs:\n    Env:\n      Type: Foo',
    {
      error: 'header:spec:inputs:env config contains unknown keys: type',
    },
  ),
  header(
    'input type unknown value keeps the value, lower-cased',
    SPEC_DOC,
    'spec:\n  inputs:\n    foo:\n      type: DateTime',
    {
      error: 'header:spec:inputs:foo input type unknown value: datetime',
    },
  ),
  header(
    'description must be an alphanumeric string',
    SPEC_DOC,
    'spec:\n  inputs:\n    foo:\n      description: [a]',
    {
      error: 'header:spec:inputs:foo input description must be an alphanumeric string',
    },
  ),
  header(
    'an integer description is alphanumeric',
    SPEC_DOC,
    'spec:\n  inputs:\n    foo:\n      description: 42\n      default: x',
    valid,
  ),
  header('options containing null', SPEC_DOC, 'spec:\n  inputs:\n    foo:\n      options: [a, null]', {
    error: 'header:spec:inputs:foo config options array cannot contain null values',
  }),
  header(
    'an input definition that is not a hash (both Hash validators report)',
    SPEC_DOC,
    'spec:\n  inputs:\n    foo: bar',
    {
      error: 'header:spec:inputs:foo config should be a hash, header:spec:inputs:foo config should be a hash',
    },
  ),
  header('spec:inputs that is not a hash', SPEC_DOC, 'spec:\n  inputs: [a, b]', {
    error: 'header:spec:inputs config should be a hash',
  }),
  header('spec that is not a hash', SPEC_DOC, 'spec: abc', { error: 'header:spec config should be a hash' }),
  header('spec: nil is an empty spec', SPEC_DOC, 'spec:', valid),
  header('spec:description is allowed', SPEC_DOC, 'spec:\n  description: Builds images.', valid),
  header('spec:description must be a string', SPEC_DOC, 'spec:\n  description: [a]', {
    error: 'header:spec config description should be a string',
  }),
  header(
    'spec:description longer than 256 characters',
    SPEC_DOC,
    `spec:\n  description: ${'a'.repeat(257)}`,
    {
      error: 'header:spec config description is too long (maximum is 256 characters)',
    },
  ),
  header('unknown keys are listed in order, joined by `, `', SPEC_DOC, 'spec:\n  foo: 1\n  bar: 2', {
    error: 'header:spec config contains unknown keys: foo, bar',
  }),
  header(
    'spec errors stop before inputs are validated',
    SPEC_DOC,
    'spec:\n  foo: 1\n  inputs:\n    x:\n      bad: 1',
    {
      error: 'header:spec config contains unknown keys: foo',
    },
  ),
  header(
    'errors of several inputs are all reported (in order)',
    SPEC_DOC,
    'spec:\n  inputs:\n    a:\n      type: x\n    b:\n      regex: 1',
    {
      error:
        'header:spec:inputs:a input type unknown value: x, header:spec:inputs:b input regex should be a string',
    },
  ),
  header(
    'an input with several problems, in validator order',
    SPEC_DOC,
    'spec:\n  inputs:\n    a:\n      type: x\n      options: y\n      extra: 1',
    {
      error:
        'header:spec:inputs:a input type unknown value: x, header:spec:inputs:a input options should be an array, header:spec:inputs:a config contains unknown keys: extra',
    },
  ),
  header('a float input name is not alphanumeric', SPEC_DOC, 'spec:\n  inputs:\n    1.5:\n      default: x', {
    error: 'header:spec:inputs:1.5 key must be an alphanumeric string',
  }),
  header(
    'header errors come before input value errors',
    SPEC_DOC,
    'spec:\n  inputs:\n    a:\n      type: x\n    b:',
    {
      error: 'header:spec:inputs:a input type unknown value: x',
    },
  ),
  header(
    'type: null passes the header (allow_nil)',
    SPEC_DOC,
    'spec:\n  inputs:\n    a:\n      type: null\n      default: x',
    {
      error: 'unknown input specification for `a` (valid types: array, boolean, number, string)',
    },
  ),
]
