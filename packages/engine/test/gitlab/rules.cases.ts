import { component, type GitlabCase } from './case.js'

const BUILDER = 'spec/lib/ci/inputs/builder_spec.rb'
const EVALUATOR = 'spec/lib/ci/inputs/rules_evaluator_spec.rb'
const STRING = 'spec/lib/ci/inputs/string_input_spec.rb'
const BASE = 'spec/lib/ci/inputs/base_input_spec.rb'
const HEADER_INPUT = 'spec/lib/gitlab/ci/config/header/input_spec.rb'
const RULE = 'gitlab-components-spec.md §3.6 (lib/gitlab/ci/config/header/input/rules{,/rule}.rb, 18.11.2)'
const EXPRESSION = 'gitlab-components-spec.md §3.6 (lib/gitlab/ci/pipeline/expression/*.rb)'

/** A header with these input definitions; the content echoes every input. */
function rules(
  name: string,
  source: string,
  inputs: string,
  names: string[],
  args: unknown,
  expected: GitlabCase['expected'],
): GitlabCase {
  return {
    name,
    source,
    template: component(
      `spec:\n  inputs:\n${inputs}`,
      names.map((n) => `${n}: $[[ inputs.${n} ]]`).join('\n'),
    ),
    inputs: args,
    expected,
  }
}

const cloud = `    cloud_provider:
      options: [aws, gcp]
      default: aws
    instance_type:
      rules:
        - if: $[[ inputs.cloud_provider ]] == "aws"
          options: [t3.micro, t3.small]
          default: t3.micro
        - if: $[[ inputs.cloud_provider ]] == "gcp"
          options: [e2-small, e2-medium]
          default: e2-small`

const environment = (rulesYaml: string) => `    environment:
      default: production
    size:
      rules:
${rulesYaml}`

const RULE_SPEC = 'spec/lib/gitlab/ci/config/header/input/rules/rule_spec.rb'
const RULES_SPEC = 'spec/lib/gitlab/ci/config/header/input/rules_spec.rb'

/** rule_spec examples: one rule for input `x`, messages as `Rules#errors` rewrites them. */
function rule(
  name: string,
  ruleYaml: string,
  expected: GitlabCase['expected'],
  args: unknown = { x: 'a' },
): GitlabCase {
  return rules(
    name,
    RULE_SPEC,
    `    env:\n      default: prod\n    x:\n      rules:\n        - ${ruleYaml}`,
    ['x'],
    args,
    expected,
  )
}

const MUST_DEFINE = "`x` input: rule must define 'options' with at least one value and a 'default'"
const fiftyOne = `[${Array.from({ length: 51 }, (_, i) => `'${i + 1}'`).join(', ')}]`

export const ruleCases: GitlabCase[] = [
  rule(
    'with if and options › has error about missing default',
    `{ if: '$[[ inputs.env ]] == "prod"', options: [a, b] }`,
    { error: MUST_DEFINE },
  ),
  rule(
    'with if and default (no options) › is valid',
    `{ if: '$[[ inputs.env ]] == "prod"', default: value }`,
    { config: { x: 'value' } },
    {},
  ),
  rule(
    'with if, options, and default › is valid',
    `{ if: '$[[ inputs.env ]] == "prod"', options: [a, b], default: a }`,
    { config: { x: 'b' } },
    { x: 'b' },
  ),
  rule(
    'with fallback rule having both options and default › is valid',
    '{ options: [a, b], default: a }',
    { config: { x: 'a' } },
    {},
  ),
  rule("when rule has 'if' but no 'options' or 'default'", `{ if: '$[[ inputs.env ]] == "prod"' }`, {
    error: MUST_DEFINE,
  }),
  rule('when if is not a valid expression', '{ if: 123, options: [a, b] }', {
    error: '`x` input: if invalid expression syntax',
  }),
  rule('when options is not an array', `{ if: '$[[ inputs.env ]] == "prod"', options: not-array }`, {
    error: '`x` input: options should be an array',
  }),
  rule(
    'when options exceed limit (and, with no default, the default error too)',
    `{ options: ${fiftyOne} }`,
    {
      error: `\`x\` input: cannot define more than 50 options, ${MUST_DEFINE}`,
    },
  ),
  rule('with empty config › has error about presence', '{}', { error: "`x` input: can't be blank" }),
  rule(
    'when default is not in options list',
    `{ if: '$[[ inputs.env ]] == "prod"', options: [a, b], default: c }`,
    {
      error: "`x` input: default 'c' must be one of the options",
    },
  ),
  rule(
    'when rule with if has empty options and no default',
    `{ if: '$[[ inputs.env ]] == "prod"', options: [] }`,
    { error: MUST_DEFINE },
  ),
  rule('when fallback rule has empty string options but no default', "{ options: [''] }", {
    error: MUST_DEFINE,
  }),
  rule(
    'when fallback rule has empty string options with default › is valid',
    "{ options: [''], default: '' }",
    { config: { x: '' } },
    {},
  ),
  rules(
    'with multiple rules (each with a default, as 18.11 requires)',
    RULES_SPEC,
    `    env:\n      default: prod\n    x:\n      rules:\n        - { if: '$[[ inputs.env ]] == "prod"', options: [large, xlarge], default: large }\n        - { options: [small], default: small }`,
    ['x'],
    {},
    {
      config: { x: 'large' },
    },
  ),
  rules(
    'when config is not an array (a hash)',
    RULES_SPEC,
    `    x:\n      rules: { if: condition }`,
    ['x'],
    {},
    {
      error: 'header:spec:inputs:x:rules config should be an array',
    },
  ),
  rules(
    'rules-based options › when value matches resolved options',
    BUILDER,
    cloud,
    ['cloud_provider', 'instance_type'],
    { cloud_provider: 'aws', instance_type: 't3.micro' },
    {
      config: { cloud_provider: 'aws', instance_type: 't3.micro' },
    },
  ),
  rules(
    'rules-based options › when value does not match resolved options',
    BUILDER,
    cloud,
    ['cloud_provider', 'instance_type'],
    { cloud_provider: 'aws', instance_type: 'e2-small' },
    {
      error:
        '`instance_type` input: `e2-small` cannot be used because it is not in the list of allowed options',
    },
  ),
  rules(
    'rules-based options › when dependent value changes the allowed options',
    BUILDER,
    cloud,
    ['cloud_provider', 'instance_type'],
    { cloud_provider: 'gcp', instance_type: 'e2-small' },
    {
      config: { cloud_provider: 'gcp', instance_type: 'e2-small' },
    },
  ),
  rules(
    'rules-based defaults › when using default values',
    BUILDER,
    cloud,
    ['cloud_provider', 'instance_type'],
    {},
    {
      config: { cloud_provider: 'aws', instance_type: 't3.micro' },
    },
  ),
  rules(
    'rules-based defaults › when changing dependent input',
    BUILDER,
    cloud,
    ['cloud_provider', 'instance_type'],
    { cloud_provider: 'gcp' },
    {
      config: { cloud_provider: 'gcp', instance_type: 'e2-small' },
    },
  ),
  rules(
    'rules-based defaults › with chained dependencies',
    BUILDER,
    `    env:
      type: string
      default: prod
    region:
      type: string
      rules:
        - if: $[[ inputs.env ]] == "prod"
          default: us-east-1
    az:
      type: string
      rules:
        - if: $[[ inputs.region ]] == "us-east-1"
          default: us-east-1a`,
    ['env', 'region', 'az'],
    {},
    { config: { env: 'prod', region: 'us-east-1', az: 'us-east-1a' } },
  ),
  rules(
    'chained dependencies: no rule matches and no default → nil (a string input renders "")',
    BUILDER,
    `    env:
      default: dev
    region:
      rules:
        - if: $[[ inputs.env ]] == "prod"
          default: us-east-1`,
    ['env', 'region'],
    {},
    { config: { env: 'dev', region: '' } },
  ),
  rules(
    'resolved_options › returns options from the first matching rule',
    EVALUATOR,
    environment(`        - if: $[[ inputs.environment ]] == "production"
          options: [large, xlarge]
          default: large
        - if: $[[ inputs.environment ]] == "staging"
          options: [small, medium]
          default: small`),
    ['size'],
    { size: 'medium' },
    { error: '`size` input: `medium` cannot be used because it is not in the list of allowed options' },
  ),
  rules(
    'resolved_options › when a fallback rule exists',
    EVALUATOR,
    environment(`        - if: $[[ inputs.environment ]] == "staging"
          options: [small]
          default: small
        - options: [medium, large]
          default: medium`),
    ['size'],
    {},
    { config: { size: 'medium' } },
  ),
  rules(
    'resolved_default › returns default from the first matching rule',
    EVALUATOR,
    environment(`        - if: $[[ inputs.environment ]] == "production"
          default: prod-default
        - if: $[[ inputs.environment ]] == "staging"
          default: staging-default`),
    ['size'],
    {},
    { config: { size: 'prod-default' } },
  ),
  rules(
    'resolved_default › returns default from the fallback rule',
    EVALUATOR,
    environment(`        - if: $[[ inputs.environment ]] == "staging"
          default: staging
        - default: fallback-default`),
    ['size'],
    {},
    { config: { size: 'fallback-default' } },
  ),
  rules(
    'when multiple rules match › returns the first matching rule',
    EVALUATOR,
    environment(`        - if: $[[ inputs.environment ]] == "production"
          default: first
        - if: 'true'
          default: second
        - default: third`),
    ['size'],
    {},
    { config: { size: 'first' } },
  ),
  rules(
    'when condition references undefined input › treats it as falsy and uses fallback',
    EVALUATOR,
    environment(`        - if: $[[ inputs.undefined_input ]] == "value"
          options: [a]
          default: a
        - options: [fallback]
          default: fallback`),
    ['size'],
    {},
    { config: { size: 'fallback' } },
  ),
  rules(
    'a rule can see a later input only as its raw given value',
    EVALUATOR,
    `    size:
      rules:
        - if: $[[ inputs.environment ]] == "production"
          default: large
        - default: small
    environment:
      default: production`,
    ['size', 'environment'],
    {},
    { config: { size: 'small', environment: 'production' } },
  ),
  rules(
    'when regex is used with rules › a rule default is validated against the regex',
    STRING,
    `    type:
      default: release
    version:
      regex: ^[0-9]+$
      rules:
        - if: $[[ inputs.type ]] == "release"
          default: invalid`,
    ['version'],
    {},
    { error: '`version` input: default value does not match required RegEx pattern' },
  ),
  rules(
    'when regex is used with rules › no rule matches: the nil default is not validated',
    STRING,
    `    type:
      default: other
    version:
      regex: ^[0-9]+$
      rules:
        - if: $[[ inputs.type ]] == "release"
          default: invalid`,
    ['version'],
    { version: '12' },
    { config: { version: '12' } },
  ),
  rules(
    'with rules an empty string counts as not given',
    BASE,
    `    environment:
      default: production
    size:
      rules:
        - default: small`,
    ['size'],
    { size: '' },
    { config: { size: 'small' } },
  ),
  rules(
    '#required? › when there is a default in a rule, the input is not required',
    BASE,
    `    size:
      rules:
        - if: 'true'
          default: value`,
    ['size'],
    {},
    { config: { size: 'value' } },
  ),
  rules(
    'rules on a number input resolve its options',
    'spec/lib/ci/inputs/number_input_spec.rb',
    `    foo:
      default: bar
    test_input:
      type: number
      rules:
        - if: $[[ inputs.foo ]] == "baz"
          options: [1, 2]
          default: 1
        - options: [3, 4]
          default: 3`,
    ['test_input'],
    { test_input: 1 },
    { error: '`test_input` input: `1` cannot be used because it is not in the list of the allowed options' },
  ),
  rules(
    'rules must be an array',
    HEADER_INPUT,
    '    environment:\n      rules: invalid',
    ['environment'],
    {},
    {
      error: 'header:spec:inputs:environment:rules config should be an array',
    },
  ),
  rules(
    'an empty rules array is valid (and the input is required)',
    HEADER_INPUT,
    '    environment:\n      rules: []',
    ['environment'],
    { environment: 'x' },
    {
      config: { environment: 'x' },
    },
  ),
  rules(
    'when rule is not a hash',
    `${HEADER_INPUT} + ${RULE}`,
    '    environment:\n      rules: [invalid]',
    ['environment'],
    {},
    {
      error: '`environment` input: should be a hash',
    },
  ),
  rules(
    'when rule contains invalid keys',
    `${HEADER_INPUT} + ${RULE}`,
    '    environment:\n      rules:\n        - if: $[[ inputs.env ]] == "prod"\n          invalid_key: value',
    ['environment'],
    {},
    { error: '`environment` input: contains unknown keys: invalid_key' },
  ),
  rules(
    "when rule has 'if', but no 'options' or 'default'",
    `${HEADER_INPUT} + ${RULE}`,
    '    environment:\n      rules:\n        - if: $[[ inputs.environment ]] == "production"',
    ['environment'],
    {},
    { error: "`environment` input: rule must define 'options' with at least one value and a 'default'" },
  ),
  rules(
    'options without a default',
    RULE,
    '    environment:\n      rules:\n        - options: [a, b]',
    ['environment'],
    {},
    { error: "`environment` input: rule must define 'options' with at least one value and a 'default'" },
  ),
  rules(
    'a default that is not one of the options (lower-cased)',
    RULE,
    '    environment:\n      rules:\n        - options: [a, b]\n          default: C',
    ['environment'],
    {},
    { error: "`environment` input: default 'c' must be one of the options" },
  ),
  rules(
    'more than 50 options in a rule',
    RULE,
    `    environment:\n      rules:\n        - options: [${Array.from({ length: 51 }, (_, i) => `o${i}`).join(', ')}]\n          default: o0`,
    ['environment'],
    {},
    { error: '`environment` input: cannot define more than 50 options' },
  ),
  rules(
    'default: null without options is allowed (user-entered value)',
    RULE,
    '    environment:\n      rules:\n        - default: null',
    ['environment'],
    { environment: 'anything' },
    { config: { environment: 'anything' } },
  ),
  rules(
    'an invalid if expression',
    RULE,
    "    environment:\n      rules:\n        - if: '&&&&'\n          default: a",
    ['environment'],
    {},
    {
      error: '`environment` input: if invalid expression syntax',
    },
  ),
  rules(
    'a hyphenated input name is only partly rewritten (\\w+ in Rules#errors)',
    RULE,
    "    my-env:\n      rules:\n        - if: '&&&&'\n          default: a",
    ['my-env'],
    {},
    { error: 'header:spec:inputs:my-`env` input: if invalid expression syntax' },
  ),
  rules(
    'operators: =~ with a pattern, && and ||, parentheses, !',
    EXPRESSION,
    `    env:
      default: prod-eu
    tier:
      rules:
        - if: ($[[ inputs.env ]] =~ /^prod/ && $[[ inputs.env ]] != "prod-us") || $[[ inputs.env ]] == "x"
          default: gold
        - if: '!$[[ inputs.env ]]'
          default: none
        - default: bronze`,
    ['tier'],
    {},
    { config: { tier: 'gold' } },
  ),
  rules(
    'operators: !~ and a case-insensitive pattern',
    EXPRESSION,
    `    env:
      default: PROD
    tier:
      rules:
        - if: $[[ inputs.env ]] !~ /prod/i
          default: other
        - default: prod`,
    ['tier'],
    {},
    { config: { tier: 'prod' } },
  ),
  rules(
    'a boolean input compared with true',
    EXPRESSION,
    `    push:
      type: boolean
      default: true
    mode:
      rules:
        - if: $[[ inputs.push ]] == true
          default: push
        - default: load`,
    ['mode'],
    {},
    { config: { mode: 'push' } },
  ),
  rules(
    'a $VARIABLE in a rule is nil (only inputs are visible)',
    `${STRING} (when input has rules)`,
    `    test_input:
      rules:
        - if: $FOO == "bar"
          options: [option1, option2]
          default: option1
        - options: [option3, option4]
          default: option3`,
    ['test_input'],
    { test_input: 'option3' },
    { config: { test_input: 'option3' } },
  ),
]
