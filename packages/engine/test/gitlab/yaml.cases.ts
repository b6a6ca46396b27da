import type { GitlabCase } from './case.js'

const MULTI_DOC = 'spec/lib/gitlab/config/loader/multi_doc_yaml_spec.rb'
const LOADER = 'spec/lib/gitlab/ci/config/yaml/loader_spec.rb'
const SPLIT =
  'gitlab-components-spec.md §3.1 (lib/gitlab/config/loader/{multi_doc_yaml,yaml}.rb, ci/config/yaml/result.rb)'
const LIBYAML =
  'libyaml scanner.c/parser.c messages, as Psych::SyntaxError prints them (problem, context, context mark)'
const PSYCH = 'gitlab-components-spec.md §3.1 (YAML.safe_load, Psych ScalarScanner)'

function yaml(
  name: string,
  source: string,
  template: string,
  expected: GitlabCase['expected'],
  inputs?: unknown,
): GitlabCase {
  return { name, source, template, ...(inputs ? { inputs } : {}), expected }
}

const YAML_LOAD = 'spec/lib/gitlab/ci/config/yaml_spec.rb'

const compilerTemplate = `spec:
  inputs:
    compiler:
      default: gcc
    optimization_level:
      type: number
      default: 0
---

test:
  script:
    - echo "with compiler $[[ inputs.compiler | expand_vars ]] and level $[[ inputs.optimization_level ]]"
`

export const yamlCases: GitlabCase[] = [
  yaml(
    'with basic YAML › loads a YAML file',
    YAML_LOAD,
    "image: 'image:1.0'\ntexts:\n  nested_key: 'value1'\n  more_text:\n    more_nested_key: 'value2'\n",
    {
      config: {
        image: 'image:1.0',
        texts: { nested_key: 'value1', more_text: { more_nested_key: 'value2' } },
      },
    },
  ),
  yaml(
    'when YAML is invalid › raises an error (mapping values are not allowed in this context)',
    YAML_LOAD,
    'some: invalid: syntax',
    {
      error: '(<unknown>): mapping values are not allowed in this context at line 1 column 14',
    },
  ),
  {
    name: 'with inputs and variables › loads a YAML file with inputs',
    source: YAML_LOAD,
    template: compilerTemplate,
    inputs: { compiler: 'g++', optimization_level: 1 },
    context: { variables: { COMPILER: 'c++' } },
    expected: { config: { test: { script: ['echo "with compiler g++ and level 1"'] } } },
  },
  {
    name: 'when using a variable in the input value › expands the variable and interpolates the input(s)',
    source: YAML_LOAD,
    template: compilerTemplate,
    inputs: { compiler: '$COMPILER', optimization_level: 2 },
    context: { variables: { COMPILER: 'c++' } },
    expected: { config: { test: { script: ['echo "with compiler c++ and level 2"'] } } },
  },
  {
    name: 'when given invalid input values › raises error (a number for a string input is coerced)',
    source: YAML_LOAD,
    template: compilerTemplate,
    inputs: { compiler: 5, optimization_level: 'a string' },
    context: { variables: { COMPILER: 'c++' } },
    expected: { error: '`optimization_level` input: provided value is not a number' },
  },
  yaml('with default parameters › works with empty inputs and variables', YAML_LOAD, compilerTemplate, {
    config: { test: { script: ['echo "with compiler gcc and level 0"'] } },
  }),
  yaml(
    'with only inputs › works with only inputs parameter',
    YAML_LOAD,
    compilerTemplate,
    {
      config: { test: { script: ['echo "with compiler clang and level 3"'] } },
    },
    { compiler: 'clang', optimization_level: 3 },
  ),
  yaml(
    'when a simple single delimiter is being used',
    MULTI_DOC,
    'spec:\n  inputs:\n    env:\n---\ntest:\n  script: echo "$[[ inputs.env ]]"\n',
    { config: { test: { script: 'echo "prod"' } } },
    { env: 'prod' },
  ),
  yaml(
    'when the delimiter has a trailing configuration',
    MULTI_DOC,
    'spec:\n  inputs:\n    test_input:\n--- !test/content\ntest_job:\n  script: echo "$[[ inputs.test_input ]]"\n',
    { config: { test_job: { script: 'echo "x"' } } },
    { test_input: 'x' },
  ),
  yaml(
    'when the YAML file has a leading delimiter',
    MULTI_DOC,
    '---\nspec:\n  inputs:\n    test_input:\n--- !test/content\ntest_job:\n  script: echo "$[[ inputs.test_input ]]"\n',
    { config: { test_job: { script: 'echo "x"' } } },
    { test_input: 'x' },
  ),
  yaml(
    'when the delimiter is followed by content on the same line (no spec: first is content)',
    MULTI_DOC,
    '--- a: 1\n--- b: 2\n',
    {
      config: { a: 1 },
    },
  ),
  yaml('when the delimiter does not have trailing whitespace', MULTI_DOC, '--- a: 1\n---b: 2\n', {
    config: { a: 1, '---b': 2 },
  }),
  yaml(
    'when the YAML file has whitespace preceding the content',
    MULTI_DOC,
    '          variables:\n            SUPPORTED: "parsed"\n\n          workflow:\n            rules:\n              - if: $VAR == "value"\n\n          hello:\n            script: echo world\n',
    {
      config: {
        variables: { SUPPORTED: 'parsed' },
        workflow: { rules: [{ if: '$VAR == "value"' }] },
        hello: { script: 'echo world' },
      },
    },
  ),
  yaml('when the YAML file is empty', MULTI_DOC, '', { config: {} }),
  yaml(
    'when there are more than the maximum number of documents',
    MULTI_DOC,
    '--- a: 1\n--- b: 2\n--- c: 3\n--- d: 4\n',
    {
      config: { a: 1 },
    },
  ),
  yaml(
    'with a header, the last of three documents is the content (the middle one is dropped)',
    SPLIT,
    'spec:\n  inputs:\n    x:\n      default: y\n---\nmiddle: $[[ inputs.x ]]\n---\nlast: $[[ inputs.x ]]\n',
    { config: { last: 'y' } },
  ),
  yaml('when a document is invalid (not a mapping)', MULTI_DOC, 'a: b\n---\nc\n', {
    error: 'Invalid configuration format',
  }),
  yaml('when there is an error loading the YAML', LOADER, 'invalid...yaml', {
    error: 'Invalid configuration format',
  }),
  yaml('a sequence document is not a mapping', SPLIT, '- a\n- b\n', {
    error: 'Invalid configuration format',
  }),
  yaml('a header with spec but no second document is content', SPLIT, 'spec:\n  inputs:\n    x:\n', {
    config: { spec: { inputs: { x: null } } },
  }),
  yaml(
    'a header whose content document is blank is not a header',
    SPLIT,
    'spec:\n  inputs:\n    x:\n---\n# nothing\n',
    {
      config: { spec: { inputs: { x: null } } },
    },
  ),
  yaml(
    'inputs given to a single-document file with a spec key',
    SPLIT,
    'spec:\n  inputs:\n    x:\n',
    { error: 'Given inputs not defined in the `spec` section of the included configuration file' },
    { x: 'a' },
  ),
  yaml('first document without spec: no header, content is the first document', SPLIT, 'a: 1\n---\nb: 2\n', {
    config: { a: 1 },
  }),
  yaml('`---` at end of file without a newline does not split', SPLIT, 'a: 1\n---', { config: { a: 1 } }),
  yaml('divider must start a line: ` ---` inside text does not split', SPLIT, 'a: "x --- y"\n', {
    config: { a: 'x --- y' },
  }),
  yaml('empty documents are dropped (reject_empty)', SPLIT, '---\n---\na: 1\n', { config: { a: 1 } }),
  yaml('a document holding `{}` is blank and dropped', SPLIT, 'spec:\n  inputs: {}\n---\n{}\n', {
    config: { spec: { inputs: {} } },
  }),
  yaml('YAML 1.1 booleans: yes/no/on/off (any case)', PSYCH, 'a: yes\nb: No\nc: ON\nd: off\ne: y\nf: n\n', {
    config: { a: true, b: false, c: true, d: false, e: 'y', f: 'n' },
  }),
  yaml(
    'YAML 1.1 integers: octal, hex, binary, underscores and commas',
    PSYCH,
    'a: 017\nb: 0x1F\nc: 0b101\nd: 1_000\ne: 1,000\nf: 09\n',
    {
      config: { a: 15, b: 31, c: 5, d: 1000, e: 1000, f: '09' },
    },
  ),
  yaml(
    'Psych floats need a dot; `1e3` is a string',
    PSYCH,
    'a: 1.5\nb: 1e3\nc: .5\nd: 1.0e+3\ne: .inf\nf: -.Inf\n',
    {
      config: { a: 1.5, b: '1e3', c: 0.5, d: 1000, e: Number.POSITIVE_INFINITY, f: Number.NEGATIVE_INFINITY },
    },
  ),
  yaml('null forms', PSYCH, 'a: ~\nb: null\nc: NULL\nd:\ne: nUlL\n', {
    config: { a: null, b: null, c: null, d: null, e: null },
  }),
  yaml('sexagesimal integers (Psych multiplies by 60 ** (i - 2).abs)', PSYCH, 'a: 1:20:30\nb: 1:20\n', {
    config: { a: 4830, b: 4800 },
  }),
  yaml('a date is a disallowed class', PSYCH, 'a: 2024-01-01\n', {
    error: 'Tried to load unspecified class: Date',
  }),
  yaml('a timestamp is a disallowed class', PSYCH, 'a: 2001-12-14t21:59:43.10-05:00\n', {
    error: 'Tried to load unspecified class: Time',
  }),
  yaml('a quoted date is a string', PSYCH, "a: '2024-01-01'\n", { config: { a: '2024-01-01' } }),
  yaml('symbols load (permitted class) and become strings', PSYCH, 'a: :foo\n', { config: { a: 'foo' } }),
  yaml(
    'anchors and aliases are allowed',
    PSYCH,
    'base: &b\n  image: alpine\njob:\n  <<: *b\n  script: x\nother: *b\n',
    {
      config: {
        base: { image: 'alpine' },
        job: { image: 'alpine', script: 'x' },
        other: { image: 'alpine' },
      },
    },
  ),
  yaml(
    'merge keys apply Hash#merge! (a later merge overrides an earlier key)',
    PSYCH,
    'job:\n  image: a\n  <<: { image: b }\n',
    {
      config: { job: { image: 'b' } },
    },
  ),
  yaml(
    'merging a sequence of mappings: earlier ones win',
    PSYCH,
    'x: &x { a: 1 }\ny: &y { a: 2, b: 2 }\njob:\n  <<: [*x, *y]\n',
    {
      config: { x: { a: 1 }, y: { a: 2, b: 2 }, job: { a: 1, b: 2 } },
    },
  ),
  yaml('duplicate keys: the last one wins', PSYCH, 'a: 1\na: 2\n', { config: { a: 2 } }),
  yaml('mapping values are not allowed in this context', PSYCH, 'a: b: c\n', {
    error: '(<unknown>): mapping values are not allowed in this context at line 1 column 5',
  }),
  yaml('unclosed double quote', LIBYAML, 'a: "abc\n', {
    error: '(<unknown>): found unexpected end of stream while scanning a quoted scalar at line 1 column 4',
  }),
  yaml('tab used as indentation', LIBYAML, 'a:\n\t- b\n', {
    error:
      '(<unknown>): found character that cannot start any token while scanning for the next token at line 2 column 1',
  }),
  yaml('a plain scalar starting with @', LIBYAML, 'a: @b\n', {
    error:
      '(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4',
  }),
  yaml('unclosed flow sequence', LIBYAML, 'a: [1, 2\n', {
    error: "(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 1 column 4",
  }),
  yaml('unclosed flow mapping', LIBYAML, 'a: {b: 1\n', {
    error: "(<unknown>): did not find expected ',' or '}' while parsing a flow mapping at line 1 column 4",
  }),
  yaml('mapping items at different columns', LIBYAML, 'a:\n  b: 1\n c: 2\n', {
    error: '(<unknown>): did not find expected key while parsing a block mapping at line 2 column 3',
  }),
  yaml('a sequence item after a mapping', LIBYAML, 'a: b\n- c\n', {
    error: '(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1',
  }),
  yaml('a mapping key after a sequence', LIBYAML, '- a\nb: c\n', {
    error:
      "(<unknown>): did not find expected '-' indicator while parsing a block collection at line 1 column 1",
  }),
  yaml('a more-indented key after a scalar value', LIBYAML, 'key: value\n  bad: indent\n', {
    error: '(<unknown>): mapping values are not allowed in this context at line 2 column 6',
  }),
  yaml('an alias without an anchor (Psych::AnchorNotDefined)', PSYCH, 'a: *nope\n', {
    error: 'An alias referenced an unknown anchor: nope',
  }),
  yaml('control characters are not allowed (binary input)', PSYCH, 'a: \u0000\u0001\u0002', {
    error: '(<unknown>): control characters are not allowed at line 1 column 1',
  }),
  yaml('raw YAML over 2 MiB is too big', SPLIT, `a: '${'x'.repeat(2 * 1024 * 1024)}'\n`, {
    error: 'The provided YAML is too big',
  }),
  yaml('nesting deeper than 100 levels is too big', SPLIT, `a: ${'['.repeat(101)}${']'.repeat(101)}\n`, {
    error: 'The parsed YAML is too big',
  }),
  yaml(
    'header errors stop YAML of the content from mattering only after parsing: a bad content YAML fails first',
    SPLIT,
    'spec:\n  foo: 1\n---\na: b: c\n',
    {
      error: '(<unknown>): mapping values are not allowed in this context at line 1 column 5',
    },
  ),
]
