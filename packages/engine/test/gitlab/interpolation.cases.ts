import { component, type GitlabCase } from './case.js'

const TEMPLATE = 'spec/lib/gitlab/ci/config/interpolation/template_spec.rb'
const INTERPOLATOR = 'spec/lib/gitlab/ci/config/interpolation/interpolator_spec.rb'
const BLOCK = 'spec/lib/gitlab/ci/config/interpolation/block_spec.rb'
const ACCESS = 'spec/lib/gitlab/ci/config/interpolation/access_spec.rb'
const CONFIG = 'spec/lib/gitlab/ci/config/interpolation/config_spec.rb'
const LOADER = 'spec/lib/gitlab/ci/config/yaml/loader_spec.rb'
const SPEC_DOC = 'gitlab-components-spec.md §4'

const templateHeader = `spec:
  inputs:
    allow_failure: { type: boolean }
    env:
    key:
    parallel: { type: number }`
const templateInputs = { allow_failure: true, env: 'dev', key: 'abc', parallel: 6 }

/** access_spec examples run through a whole file: the context's `inputs` become declared inputs. */
function access(
  name: string,
  header: string,
  inputs: Record<string, unknown>,
  expr: string,
  expected: GitlabCase['expected'],
): GitlabCase {
  return { name, source: ACCESS, template: component(header, `value: $[[ ${expr} ]]\n`), inputs, expected }
}

const manyBlocks = (count: number) =>
  component(
    'spec:\n  inputs:\n    x:\n      default: abcdef',
    `list:\n${Array.from({ length: count }, (_, i) => `  - $[[ inputs.x | truncate(0,${i}) ]]`).join('\n')}\n`,
  )

export const interpolationCases: GitlabCase[] = [
  {
    name: 'when there are too many interpolation blocks › returns an error (MAX_BLOCKS = 10_000, 10_001 distinct blocks)',
    source: TEMPLATE,
    template: manyBlocks(10_001),
    expected: { error: 'too many interpolation blocks' },
  },
  {
    name: 'exactly MAX_BLOCKS distinct blocks are allowed',
    source: TEMPLATE,
    template: manyBlocks(10_000),
    expected: {
      config: { list: Array.from({ length: 10_000 }, (_, i) => 'abcdef'.slice(0, i)) },
    },
  },
  {
    name: '500 000 nodes through aliases: DeepSize rejects the YAML before MAX_NODES is reached',
    source: `${TEMPLATE} + spec/lib/gitlab/config/loader/yaml_spec.rb`,
    template: component(
      'spec:\n  inputs: {}',
      `a: &a [${Array.from({ length: 1000 }, () => 'x').join(', ')}]\nb: [${Array.from({ length: 500 }, () => '*a').join(', ')}]\n`,
    ),
    expected: { error: 'The parsed YAML is too big' },
  },
  {
    name: 'when node size is exceeded › returns a config size error (MAX_NODE_SIZE = 1 MiB)',
    source: CONFIG,
    template: component('spec:\n  inputs: {}', `a: ${'x'.repeat(1024 * 1024 + 1)}\n`),
    expected: { error: 'config node too large' },
  },
  {
    name: 'a string of exactly 1 MiB is not too large',
    source: CONFIG,
    template: component('spec:\n  inputs: {}', `a: ${'x'.repeat(1024 * 1024)}\n`),
    expected: { config: { a: 'x'.repeat(1024 * 1024) } },
  },
  {
    name: 'interpolates the values properly',
    source: TEMPLATE,
    template: component(
      templateHeader,
      `test:
  spec:
    env: $[[ inputs.env ]]

$[[ inputs.key ]]:
  name: $[[ inputs.key ]]
  parallel: $[[ inputs.parallel ]]
  allow_failure: $[[ inputs.allow_failure ]]
  script: 'echo "This job makes $[[ inputs.parallel ]] jobs for the $[[ inputs.env ]] env"'
`,
    ),
    inputs: templateInputs,
    expected: {
      config: {
        test: { spec: { env: 'dev' } },
        abc: {
          name: 'abc',
          parallel: 6,
          allow_failure: true,
          script: 'echo "This job makes 6 jobs for the dev env"',
        },
      },
    },
  },
  {
    name: 'when interpolation can not be performed › does not interpolate the config',
    source: TEMPLATE,
    template: component(templateHeader, '$[[ xxx.yyy ]]: abc\n'),
    inputs: templateInputs,
    expected: { error: 'unknown interpolation provided: `xxx` in `xxx.yyy`' },
  },
  {
    name: 'when template consists of nested arrays with hashes and values',
    source: TEMPLATE,
    template: component(
      templateHeader,
      `test:
  - a-$[[ inputs.key ]]-b
  - c-$[[ inputs.key ]]-d:
      d-$[[ inputs.key ]]-e
    val: 1
`,
    ),
    inputs: templateInputs,
    expected: { config: { test: ['a-abc-b', { 'c-abc-d': 'd-abc-e', val: 1 }] } },
  },
  {
    name: 'when template contains symbols that need interpolation',
    source: TEMPLATE,
    template: component(templateHeader, "'$[[ inputs.key ]]': cde\n"),
    inputs: templateInputs,
    expected: { config: { abc: 'cde' } },
  },
  {
    name: 'when input data is valid › correctly interpolates the config',
    source: INTERPOLATOR,
    template: component('spec:\n  inputs:\n    website:', "test: 'deploy $[[ inputs.website ]]'\n"),
    inputs: { website: 'gitlab.com' },
    expected: { config: { test: 'deploy gitlab.com' } },
  },
  {
    name: 'when input uses array index access › correctly interpolates the array element',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  inputs:\n    versions:\n      type: array',
      "test: 'deploy $[[ inputs.versions[0] ]]'\n",
    ),
    inputs: { versions: ['v1.0', 'v2.0'] },
    expected: { config: { test: 'deploy v1.0' } },
  },
  {
    name: 'when interpolation block is invalid › returns an error',
    source: INTERPOLATOR,
    template: component('spec:\n  inputs:\n    website:', "test: 'deploy $[[ inputs.abc ]]'\n"),
    inputs: { website: 'gitlab.com' },
    expected: { error: 'unknown interpolation provided: `abc` in `inputs.abc`' },
  },
  {
    name: 'when multiple interpolation blocks are invalid › returns an error',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  inputs:\n    website:',
      "test: 'deploy $[[ inputs.something.abc ]] $[[ inputs.cde ]] $[[ efg ]]'\n",
    ),
    inputs: { website: 'gitlab.com' },
    expected: { error: 'unknown interpolation provided: `something` in `inputs.something.abc`' },
  },
  {
    name: 'when using component interpolation › when component values are specified in spec',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  component: [name, sha, version, reference]',
      "test: 'Component $[[ component.name ]] at $[[ component.sha ]] version $[[ component.version ]] reference $[[ component.reference ]]'\n",
    ),
    context: { component: { name: 'my-component', sha: 'abc123', version: '1.0.0', reference: '1.0' } },
    expected: { config: { test: 'Component my-component at abc123 version 1.0.0 reference 1.0' } },
  },
  {
    name: 'when using component interpolation › when component value not in spec is accessed',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  component: [name]',
      "test: 'Component $[[ component.name ]] at $[[ component.sha ]]'\n",
    ),
    context: { component: { name: 'my-component', sha: 'abc123', version: '1.0.0', reference: '1.0' } },
    expected: { error: 'unknown interpolation provided: `sha` in `component.sha`' },
  },
  {
    name: 'when using component interpolation › when both inputs and component are used',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  inputs:\n    env:\n  component: [name, version]',
      "test: 'Deploy to $[[ inputs.env ]] using $[[ component.name ]] v$[[ component.version ]]'\n",
    ),
    inputs: { env: 'production' },
    context: { component: { name: 'my-component', sha: 'abc123', version: '1.0.0', reference: '1.0' } },
    expected: { config: { test: 'Deploy to production using my-component v1.0.0' } },
  },
  {
    name: 'when spec has includes but no external_context is provided › uses inline inputs',
    source: INTERPOLATOR,
    template: component(
      'spec:\n  include:\n    - local: /inputs.yml\n  inputs:\n    website:\n      default: gitlab.com',
      "test: 'deploy $[[ inputs.website ]]'\n",
    ),
    inputs: { website: 'example.com' },
    expected: { config: { test: 'deploy example.com' } },
  },
  {
    name: 'loads and interpolates CI config YAML',
    source: LOADER,
    template: `---
spec:
  inputs:
    test_input:
---
test_job:
  script:
    - echo "$[[ inputs.test_input ]]"
`,
    inputs: { test_input: 'hello test' },
    expected: { config: { test_job: { script: ['echo "hello test"'] } } },
  },
  {
    name: 'when there is an error interpolating the YAML › returns an error result',
    source: LOADER,
    template: `---
spec:
  inputs:
    test_input:
---
test_job:
  script:
    - echo "$[[ inputs.test_input ]]"
`,
    inputs: {},
    expected: { error: '`test_input` input: required value has not been provided' },
  },
  {
    name: 'properly evaluates the access pattern',
    source: BLOCK,
    template: component('spec:\n  inputs:\n    data:', 'value: $[[ inputs.data ]]\n'),
    inputs: { data: 'abcdef' },
    expected: { config: { value: 'abcdef' } },
  },
  {
    name: 'when functions are specified in the block › returns the modified value',
    source: BLOCK,
    template: component('spec:\n  inputs:\n    data:', 'value: $[[ inputs.data | truncate(1,5) ]]\n'),
    inputs: { data: 'abcdef' },
    expected: { config: { value: 'bcdef' } },
  },
  {
    name: 'when there is an access error › returns the access error',
    source: BLOCK,
    template: component('spec:\n  inputs:\n    data:', 'value: $[[ inputs.undefined | truncate(1,5) ]]\n'),
    inputs: { data: 'abcdef' },
    expected: { error: 'unknown interpolation provided: `undefined` in `inputs.undefined`' },
  },
  {
    name: 'when there is a function error › returns the function error',
    source: BLOCK,
    template: component('spec:\n  inputs:\n    data:', 'value: $[[ inputs.data | undefined ]]\n'),
    inputs: { data: 'abcdef' },
    expected: {
      error:
        'no function matching `undefined`: check that the function name, arguments, and types are correct',
    },
  },
  {
    name: 'when multiple functions are specified › executes each function in the specified order',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    data:',
      'value: $[[ inputs.data | truncate(1,5) | truncate(2,2) ]]\n',
    ),
    inputs: { data: 'abcdef' },
    expected: { config: { value: 'de' } },
  },
  {
    name: 'when the data has inconsistent spacing › executes each function in the specified order',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    data:',
      "value: '$[[ inputs.data|truncate(1,5)  | truncate(2,2) ]]'\n",
    ),
    inputs: { data: 'abcdef' },
    expected: { config: { value: 'de' } },
  },
  {
    name: 'when a stack of functions errors in the middle › does not modify the value',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    data:',
      'value: $[[ inputs.data | truncate(1,5) | truncate(2) ]]\n',
    ),
    inputs: { data: 'abcdef' },
    expected: {
      error:
        'no function matching `truncate(2)`: check that the function name, arguments, and types are correct',
    },
  },
  {
    name: 'when too many functions are specified › returns error (MAX_FUNCTIONS = 3, four given)',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    data:',
      'value: $[[ inputs.data | truncate(0,6) | truncate(0,6) | truncate(0,6) | truncate(0,6) ]]\n',
    ),
    inputs: { data: 'abcdef' },
    expected: { error: 'too many functions in interpolation block' },
  },
  {
    name: 'three functions are allowed (MAX_FUNCTIONS = 3)',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    data:',
      'value: $[[ inputs.data | truncate(0,5) | truncate(1,5) | truncate(1,5) ]]\n',
    ),
    inputs: { data: 'abcdef' },
    expected: { config: { value: 'cde' } },
  },
  {
    name: 'when block contains matrix expression › skips interpolation and returns the original block',
    source: BLOCK,
    template: component('spec:\n  inputs: {}', 'value: $[[ matrix.PROVIDER ]]\n'),
    expected: { config: { value: '$[[ matrix.PROVIDER ]]' } },
  },
  {
    name: 'matrix block inside a longer string is kept verbatim',
    source: BLOCK,
    template: component(
      'spec:\n  inputs:\n    job:',
      'needs:\n  - job: $[[ inputs.job ]]\n    parallel:\n      matrix:\n        - PROVIDER: "$[[ matrix.PROVIDER ]]-x"\n',
    ),
    inputs: { job: 'build' },
    expected: {
      config: { needs: [{ job: 'build', parallel: { matrix: [{ PROVIDER: '$[[ matrix.PROVIDER ]]-x' }] } }] },
    },
  },
  {
    name: 'when the node is an array item › inserts the input value into the array',
    source: CONFIG,
    template: component(
      'spec:\n  inputs:\n    rules:\n      type: array',
      'rules:\n  - rule 1\n  - $[[ inputs.rules ]]\n  - rule 3\n',
    ),
    inputs: { rules: ['rule 2'] },
    expected: { config: { rules: ['rule 1', 'rule 2', 'rule 3'] } },
  },
  {
    name: 'when the node is not an array item › replaces the node with the array',
    source: CONFIG,
    template: component('spec:\n  inputs:\n    rules:\n      type: array', 'rules: $[[ inputs.rules ]]\n'),
    inputs: { rules: ['test'] },
    expected: { config: { rules: ['test'] } },
  },
  {
    name: 'typed replacement: a whole-node block keeps the array of hashes',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    rules:\n      type: array\n      default:\n        - if: $CI\n          when: always',
      'job:\n  rules: $[[ inputs.rules ]]\n',
    ),
    expected: { config: { job: { rules: [{ if: '$CI', when: 'always' }] } } },
  },
  {
    name: 'string replacement: arrays are embedded as Ruby inspect text',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    list:\n      type: array\n      default: [a, b]',
      'job:\n  script: echo $[[ inputs.list ]]\n',
    ),
    expected: { config: { job: { script: 'echo ["a", "b"]' } } },
  },
  {
    name: 'string replacement: hashes in arrays are embedded as Ruby 3.3 inspect text',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    rules:\n      type: array\n      default:\n        - if: x',
      'job:\n  script: echo $[[ inputs.rules ]]\n',
    ),
    expected: { config: { job: { script: 'echo [{:if=>"x"}]' } } },
  },
  {
    name: 'string replacement: booleans and numbers use to_s',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    flag:\n      type: boolean\n      default: true\n    n:\n      type: number\n      default: 6.6',
      'job:\n  script: echo $[[ inputs.flag ]] $[[ inputs.n ]]\n',
    ),
    expected: { config: { job: { script: 'echo true 6.6' } } },
  },
  {
    name: 'string replacement: large floats print as Ruby Float#to_s',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    n:\n      type: number',
      'job:\n  script: echo $[[ inputs.n ]]\n',
    ),
    inputs: { n: 1.5e20 },
    expected: { config: { job: { script: 'echo 1.5e+20' } } },
  },
  {
    name: 'typed replacement of a boolean key value keeps the boolean',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    flag:\n      type: boolean',
      'job:\n  allow_failure: $[[ inputs.flag ]]\n',
    ),
    inputs: { flag: 'false' },
    expected: { config: { job: { allow_failure: false } } },
  },
  {
    name: 'Ruby gsub: `\\\\` in the value becomes `\\` when embedded',
    source: SPEC_DOC,
    template: component('spec:\n  inputs:\n    x:', 'job:\n  script: echo $[[ inputs.x ]]\n'),
    inputs: { x: 'a\\\\b' },
    expected: { config: { job: { script: 'echo a\\b' } } },
  },
  {
    name: 'Ruby gsub: `\\0` in the value inserts the block text itself',
    source: SPEC_DOC,
    template: component('spec:\n  inputs:\n    x:', 'job:\n  script: echo $[[ inputs.x ]]\n'),
    inputs: { x: 'a\\0b' },
    expected: { config: { job: { script: 'echo a$[[ inputs.x ]]b' } } },
  },
  {
    name: 'Ruby gsub: a whole-node block is not subject to gsub escapes',
    source: SPEC_DOC,
    template: component('spec:\n  inputs:\n    x:', 'job:\n  script: $[[ inputs.x ]]\n'),
    inputs: { x: 'a\\\\b' },
    expected: { config: { job: { script: 'a\\\\b' } } },
  },
  {
    name: 'Ruby gsub: posix_escape output embedded in a longer string loses the doubled backslash',
    source: SPEC_DOC,
    template: component('spec:\n  inputs:\n    x:', 'job:\n  script: echo $[[ inputs.x | posix_escape ]]\n'),
    inputs: { x: 'a\\b' },
    expected: { config: { job: { script: 'echo a\\b' } } },
  },
  {
    name: 'a block needs two non-space characters: `$[[ a ]]` stays literal',
    source: SPEC_DOC,
    template: component('spec:\n  inputs: {}', 'job:\n  script: echo $[[ a ]]\n  other: echo $[[ ]]\n'),
    expected: { config: { job: { script: 'echo $[[ a ]]', other: 'echo $[[ ]]' } } },
  },
  {
    name: 'the lazy match runs on to a later `]]` when the first block is too short',
    source: SPEC_DOC,
    template: component('spec:\n  inputs: {}', 'job:\n  script: echo $[[ a ]] $[[ ]]\n'),
    expected: { error: 'invalid pattern used for interpolation. valid pattern is $[[ inputs.input ]]' },
  },
  {
    name: 'whitespace inside the brackets is optional',
    source: SPEC_DOC,
    template: component('spec:\n  inputs:\n    x:', 'job:\n  script: echo $[[inputs.x]]\n'),
    inputs: { x: 'y' },
    expected: { config: { job: { script: 'echo y' } } },
  },
  {
    name: '`$[[inputs.a[0]]]` without spaces captures `inputs.a[0`',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    a:\n      type: array',
      'job:\n  script: echo $[[inputs.a[0]]]\n',
    ),
    inputs: { a: ['x'] },
    expected: { error: 'invalid array index in `inputs.a[0`: missing closing bracket' },
  },
  {
    name: 'a file without a header is not interpolated',
    source: SPEC_DOC,
    template: 'job:\n  script: echo $[[ inputs.x ]]\n',
    expected: { config: { job: { script: 'echo $[[ inputs.x ]]' } } },
  },
  {
    name: 'the header itself is not interpolated',
    source: SPEC_DOC,
    template: component(
      'spec:\n  description: uses $[[ inputs.x ]]\n  inputs:\n    x:\n      default: y',
      'job: $[[ inputs.x ]]\n',
    ),
    expected: { config: { job: 'y' } },
  },
  {
    name: 'a key that is exactly one block takes the value',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    as:\n      default: build',
      '$[[ inputs.as ]]:\n  script: make\n',
    ),
    expected: { config: { build: { script: 'make' } } },
  },
  {
    name: 'the data inside a block cannot span lines',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    x:\n      default: y',
      'job:\n  script: "$[[ inputs.\\nx ]]"\n',
    ),
    expected: { config: { job: { script: '$[[ inputs.\nx ]]' } } },
  },
  {
    name: 'whitespace around the data may include a newline (RE2 \\s)',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    x:\n      default: y',
      'job:\n  script: "$[[ inputs.x\\n ]]"\n',
    ),
    expected: { config: { job: { script: 'y' } } },
  },
  {
    name: 'the same block twice in one string: both replaced',
    source: SPEC_DOC,
    template: component(
      'spec:\n  inputs:\n    x:\n      default: y',
      'job: $[[ inputs.x ]]-$[[ inputs.x ]]\n',
    ),
    expected: { config: { job: 'y-y' } },
  },
  {
    name: 'a string input set to an array becomes Ruby inspect text even as a whole node',
    source: 'spec/lib/ci/inputs/string_input_spec.rb + gitlab-components-spec.md §3.4',
    template: component('spec:\n  inputs:\n    x:', 'job: $[[ inputs.x ]]\n'),
    inputs: { x: ['a'] },
    expected: { config: { job: '["a"]' } },
  },
  {
    name: 'nil value of an optional string input is an empty string',
    source: 'gitlab-components-spec.md §3.3',
    template: component('spec:\n  inputs:\n    x:\n      default: null', 'job: "[$[[ inputs.x ]]]"\n'),
    expected: { config: { job: '[]' } },
  },
  {
    name: 'nil value of an optional number input is nil',
    source: 'gitlab-components-spec.md §3.3',
    template: component(
      'spec:\n  inputs:\n    x:\n      type: number\n      default: null',
      'job: $[[ inputs.x ]]\n',
    ),
    expected: { config: { job: null } },
  },
  {
    name: '`|` with nothing after it adds no function (Ruby split drops trailing empties)',
    source: 'gitlab-components-spec.md §4.3',
    template: component('spec:\n  inputs:\n    x:\n      default: y', 'job: $[[ inputs.x | ]]\n'),
    expected: { config: { job: 'y' } },
  },
  {
    name: '`||` gives an empty function name',
    source: 'gitlab-components-spec.md §4.3',
    template: component(
      'spec:\n  inputs:\n    x:\n      default: y',
      'job: $[[ inputs.x || posix_escape ]]\n',
    ),
    expected: {
      error: 'no function matching ``: check that the function name, arguments, and types are correct',
    },
  },
  access(
    'properly evaluates the access pattern',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'inputs.data',
    {
      config: { value: 'abcd' },
    },
  ),
  access(
    'when there are too many objects in the access path › only supports MAX_ACCESS_OBJECTS steps',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'inputs.data.c.d.e.f.g.h',
    { error: 'unknown interpolation provided: `c` in `inputs.data.c.d.e.f.g.h`' },
  ),
  access(
    'when there are not enough objects in the access path › returns an error',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'abc[123]',
    { error: 'invalid pattern used for interpolation. valid pattern is $[[ inputs.input ]]' },
  ),
  access(
    'when access expression size is too large › returns an error',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    `inputs.${'a'.repeat(1020)}`,
    {
      error: 'maximum interpolation expression size exceeded',
    },
  ),
  access(
    'access expression of exactly 1024 bytes is allowed (MAX_ACCESS_BYTESIZE)',
    `spec:\n  inputs:\n    ${'a'.repeat(1017)}:`,
    { ['a'.repeat(1017)]: 'ok' },
    `inputs.${'a'.repeat(1017)}`,
    { config: { value: 'ok' } },
  ),
  access(
    'both pattern and size errors are reported',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'x'.repeat(1025),
    {
      error:
        'invalid pattern used for interpolation. valid pattern is $[[ inputs.input ]], maximum interpolation expression size exceeded',
    },
  ),
  access(
    'when a non-existent key is accessed › returns an error',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'inputs.nonexistent',
    {
      error: 'unknown interpolation provided: `nonexistent` in `inputs.nonexistent`',
    },
  ),
  access(
    'when an expression contains an existing key followed by a non-existent key › returns an error',
    'spec:\n  inputs:\n    data:',
    { data: 'abcd' },
    'inputs.data.extra',
    { error: 'unknown interpolation provided: `extra` in `inputs.data.extra`' },
  ),
  access(
    'when accessing array by index › returns the first element',
    'spec:\n  inputs:\n    my_array: { type: array }',
    { my_array: ['first', 'second'] },
    'inputs.my_array[0]',
    {
      config: { value: 'first' },
    },
  ),
  access(
    'when accessing a different index › returns the second element',
    'spec:\n  inputs:\n    my_array: { type: array }',
    { my_array: ['first', 'second'] },
    'inputs.my_array[1]',
    { config: { value: 'second' } },
  ),
  access(
    'when accessing array by index with a hyphenated key › returns the first element',
    'spec:\n  inputs:\n    supported-versions: { type: array }',
    { 'supported-versions': ['2.0', '1.0'] },
    'inputs.supported-versions[0]',
    { config: { value: '2.0' } },
  ),
  access(
    'when accessing nested value after array index › returns the nested value',
    'spec:\n  inputs:\n    items: { type: array }',
    { items: [{ name: 'item1' }] },
    'inputs.items[0].name',
    { config: { value: 'item1' } },
  ),
  access(
    'when accessing multi-dimensional array › returns the correct element',
    'spec:\n  inputs:\n    matrix: { type: array }',
    {
      matrix: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    'inputs.matrix[1][0]',
    { config: { value: 'c' } },
  ),
  access(
    'when index is out of bounds › returns an error',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['one'] },
    'inputs.arr[1]',
    {
      error: 'array index 1 out of bounds (size: 1) in `inputs.arr[1]`',
    },
  ),
  access(
    'when indexing a non-array value › returns an error',
    'spec:\n  inputs:\n    str:',
    { str: 'hello' },
    'inputs.str[0]',
    {
      error: 'cannot index into non-array value at [0] in `inputs.str[0]`',
    },
  ),
  access(
    'when using negative index › returns an error for invalid pattern',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['a', 'b'] },
    'inputs.arr[-1]',
    {
      error: 'invalid array index in `inputs.arr[-1]`: `-1` is not a valid index',
    },
  ),
  access(
    'when array element is nil › returns nil',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: [null, 'val'] },
    'inputs.arr[0]',
    {
      config: { value: null },
    },
  ),
  access(
    'when array element is a hash › returns the hash',
    'spec:\n  inputs:\n    rules: { type: array }',
    { rules: [{ if: '$CI', when: 'always' }] },
    'inputs.rules[0]',
    { config: { value: { if: '$CI', when: 'always' } } },
  ),
  access(
    'when accessing deeply nested structure with mixed arrays and hashes › returns the deeply nested value',
    'spec:\n  inputs:\n    data: { type: array }',
    { data: [{ items: [{ values: ['deep'] }] }] },
    'inputs.data[0].items[0].values[0]',
    { config: { value: 'deep' } },
  ),
  access(
    'when using non-integer index › returns an error with the invalid index',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['a', 'b'] },
    'inputs.arr[a]',
    {
      error: 'invalid array index in `inputs.arr[a]`: `a` is not a valid index',
    },
  ),
  access(
    'when closing bracket is missing › returns an error about missing bracket',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['a', 'b'] },
    'inputs.arr[0',
    {
      error: 'invalid array index in `inputs.arr[0`: missing closing bracket',
    },
  ),
  access(
    'when brackets are empty › returns an error about empty index',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['a', 'b'] },
    'inputs.arr[]',
    {
      error: 'invalid array index in `inputs.arr[]`: `` is not a valid index',
    },
  ),
  access(
    'when there is trailing text after brackets › returns an error',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['a', 'b'] },
    'inputs.arr[0]junk',
    {
      error: 'invalid array index syntax in `inputs.arr[0]junk`',
    },
  ),
  access(
    'when array index depth is at the limit › returns the value',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: [[[[[42]]]]] },
    'inputs.arr[0][0][0][0][0]',
    {
      config: { value: 42 },
    },
  ),
  access(
    'when array index depth exceeds the limit › returns an error',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: [[[[[[42]]]]]] },
    'inputs.arr[0][0][0][0][0][0]',
    { error: 'too many array indices in `inputs.arr[0][0][0][0][0][0]` (maximum depth: 5)' },
  ),
  access(
    'when an indexed segment has no base key › returns an error',
    'spec:\n  inputs:\n    matrix: { type: array }',
    {
      matrix: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    'inputs.matrix[0].[1]',
    { error: 'invalid indexed access without a key in `inputs.matrix[0].[1]`' },
  ),
  access(
    'when an indexed segment has a non-existent base key › returns an error from the key lookup',
    'spec:\n  inputs:\n    arr: { type: array }',
    { arr: ['val'] },
    'inputs.nonexistent[0]',
    { error: 'unknown interpolation provided: `nonexistent` in `inputs.nonexistent[0]`' },
  ),
  access(
    'index then function: functions run on the indexed value',
    'spec:\n  inputs:\n    items: { type: array }',
    { items: ['hello world'] },
    'inputs.items[0] | truncate(0,5)',
    { config: { value: 'hello' } },
  ),
  access('unknown top-level context', 'spec:\n  inputs:\n    x:', { x: 'y' }, 'env.HOME', {
    error: 'unknown interpolation provided: `env` in `env.HOME`',
  }),
  access(
    'component context is empty outside spec:component',
    'spec:\n  inputs:\n    x:',
    { x: 'y' },
    'component.name',
    {
      error: 'unknown interpolation provided: `name` in `component.name`',
    },
  ),
]
