import type { GitlabCase } from './case.js'

/**
 * YAML 1.1 as Psych reads it, compared case by case with the engine's YAML layer: quoted and plain multi-line scalars,
 * tabs, BOM, CRLF, anchors, `<<` merges, `yes`/`no`, octal and sexagesimal scalars. Every expected value is what
 * `YAML.safe_load(text, permitted_classes: [Symbol], aliases: true)` gave on Ruby 3.1 (Psych 4.0.3, libyaml 0.2.5, the
 * libyaml GitLab's Ruby links), printed as JSON; where GitLab or a newer Psych differs, the row says so.
 */
const PSYCH = 'Psych 4.0.3 / libyaml 0.2.5 YAML.safe_load (team-derived comparison)'

function psych(name: string, template: string, expected: GitlabCase['expected']): GitlabCase {
  return { name, source: PSYCH, template, expected }
}

export const psychCases: GitlabCase[] = [
  psych(
    'double-quoted scalar with escaped quotes continued by a line starting with a dash',
    'job:\n  script:\n    - "pytest \\"${extras[@]}\\"\n    --junitxml=report.xml"\n',
    { config: { job: { script: ['pytest "${extras[@]}" --junitxml=report.xml'] } } },
  ),
  psych(
    "double-quoted scalar continued at the parent sequence's column",
    'job:\n  script:\n    - "echo a\n    b"\n',
    { config: { job: { script: ['echo a b'] } } },
  ),
  psych('double-quoted scalar continued at column 0', 'job:\n  script:\n    - "echo a\nb"\n', {
    config: { job: { script: ['echo a b'] } },
  }),
  psych(
    "single-quoted scalar continued at the parent sequence's column",
    "job:\n  script:\n    - 'echo a\n    b'\n",
    { config: { job: { script: ['echo a b'] } } },
  ),
  psych(
    "double-quoted mapping value continued at the key's column",
    'job:\n  variables:\n    A: "one\n    two"\n',
    { config: { job: { variables: { A: 'one two' } } } },
  ),
  psych('double-quoted scalar with an escaped line break', 'a: "one \\\n  two"\n', {
    config: { a: 'one two' },
  }),
  psych('double-quoted scalar with a blank line keeps one newline', 'a: "one\n\n  two"\n', {
    config: { a: 'one\ntwo' },
  }),
  psych('single-quoted scalar with a doubled quote', "a: 'it''s'\n", { config: { a: "it's" } }),
  psych('plain scalar continued deeper folds into one line', 'job:\n  script:\n    - echo a\n      b\n', {
    config: { job: { script: ['echo a b'] } },
  }),
  psych(
    "plain scalar continued at the sequence's column is an error",
    'job:\n  script:\n    - echo a\n    b\n',
    { error: "(<unknown>): could not find expected ':' while scanning a simple key at line 4 column 5" },
  ),
  psych('plain scalar with a blank line keeps a newline', 'a: one\n\n  two\n', { config: { a: 'one\ntwo' } }),
  psych('tab before a mapping key is an error', 'a:\n\tb: 1\n', {
    error:
      '(<unknown>): found character that cannot start any token while scanning for the next token at line 2 column 1',
  }),
  psych('tab after the colon separates key and value', 'a:\tb\n', { config: { a: 'b' } }),
  psych('tab inside a double-quoted continuation line', 'a: "one\n\t two"\n', { config: { a: 'one two' } }),
  psych('byte order mark at the start', '﻿a: 1\n', { config: { a: 1 } }),
  psych('CRLF line endings', 'a: 1\r\nb:\r\n  - x\r\n', { config: { a: 1, b: ['x'] } }),
  psych('CRLF inside a literal block', 'a: |\r\n  one\r\n  two\r\n', { config: { a: 'one\ntwo\n' } }),
  psych('literal block keep chomping', 'a: |+\n  one\n\nb: 1\n', { config: { a: 'one\n\n', b: 1 } }),
  psych('literal block strip chomping', 'a: |-\n  one\n', { config: { a: 'one' } }),
  psych('folded block with a more-indented line', 'a: >\n  one\n    two\n  three\n', {
    config: { a: 'one\n  two\nthree\n' },
  }),
  psych('anchor and alias', 'base: &b\n  x: 1\nuse: *b\n', { config: { base: { x: 1 }, use: { x: 1 } } }),
  psych('merge key with one mapping, own keys win', 'base: &b\n  x: 1\n  y: 2\njob:\n  <<: *b\n  y: 3\n', {
    config: { base: { x: 1, y: 2 }, job: { x: 1, y: 3 } },
  }),
  psych(
    'merge key with a list, earlier mappings win',
    'a: &a\n  x: 1\nb: &b\n  x: 2\n  z: 3\njob:\n  <<: [*a, *b]\n',
    { config: { a: { x: 1 }, b: { x: 2, z: 3 }, job: { x: 1, z: 3 } } },
  ),
  psych('merge key before and after own keys', 'base: &b\n  x: 1\njob:\n  x: 0\n  <<: *b\n', {
    config: { base: { x: 1 }, job: { x: 1 } },
  }),
  psych('quoted << is an ordinary key', 'base: &b\n  x: 1\njob:\n  "<<": *b\n', {
    config: { base: { x: 1 }, job: { x: 1 } },
  }),
  // Psych 5 (Ruby 3.2+, as GitLab runs) raises AnchorNotDefined with this text; Psych 4.0.3 said `Unknown alias: nope`
  psych('alias to an undefined anchor', 'a: *nope\n', {
    error: 'An alias referenced an unknown anchor: nope',
  }),
  psych(
    'yes/no/on/off in any case are booleans',
    'a: [yes, No, ON, off, Yes, NO, y, n, Y, N, true, False]\n',
    { config: { a: [true, false, true, false, true, false, 'y', 'n', 'Y', 'N', true, false] } },
  ),
  psych('legacy octal, hex, binary and underscores', 'a: [0755, 0x1F, 0b101, 1_000, 08, 0o17, +12, -0]\n', {
    config: { a: [493, 31, 5, 1000, '08', '0o17', 12, 0] },
  }),
  psych('comma-separated digits', 'a: 1,000\n', { config: { a: 1000 } }),
  psych('sexagesimal integers and floats', 'a: [1:30, 190:20:30, 1:30.5]\n', {
    config: { a: [5400, 685230, 5430.0] },
  }),
  psych('floats need a dot', 'a: [1e3, 1.0e3, 1.5, .5, 1., 6.8523015e+5]\n', {
    config: { a: ['1e3', '1.0e3', 1.5, 0.5, 1.0, 685230.15] },
  }),
  psych('null spellings', 'a: [~, null, Null, NULL, ""]\nb:\n', {
    config: { a: [null, null, null, null, ''], b: null },
  }),
  psych('explicit string and int tags', 'a: !!str 123\nb: !!int "12"\n', { config: { a: '123', b: 12 } }),
  psych('a date is a disallowed class', 'a: 2024-01-01\n', {
    error: 'Tried to load unspecified class: Date',
  }),
  psych('a time is a disallowed class', 'a: 2024-01-01 10:00:00\n', {
    error: 'Tried to load unspecified class: Time',
  }),
  psych('symbols', 'a: :sym\n:key: 1\n', { config: { a: 'sym', key: 1 } }),
  psych('non-string keys', '1: a\ntrue: b\n~: c\n1.5: d\n', {
    config: { '1': 'a', true: 'b', '': 'c', '1.5': 'd' },
  }),
  psych('flow mapping over several lines', 'a: { x: 1,\n  y: 2 }\n', { config: { a: { x: 1, y: 2 } } }),
  psych('text after a closing quote is an error', 'a: "one" two\n', {
    error: '(<unknown>): did not find expected key while parsing a block mapping at line 1 column 1',
  }),
  psych('mapping values in a plain scalar are an error', 'a: b: c\n', {
    error: '(<unknown>): mapping values are not allowed in this context at line 1 column 5',
  }),
  psych('escapes in double quotes', 'a: "\\x41\\u0042\\t\\e"\n', { config: { a: 'AB\t\u001b' } }),
  psych('non-ASCII text', 'a: "été"\nb: 日本\n', { config: { a: 'été', b: '日本' } }),
  psych('explicit key', '? a\n: 1\n', { config: { a: 1 } }),
  psych("sequence at the key's column", 'a:\n- x\n- y\n', { config: { a: ['x', 'y'] } }),
  psych('duplicate keys, last wins', 'a: 1\na: 2\n', { config: { a: 2 } }),
  psych('document of comments only', '# nothing\n', { config: {} }),
  // Psych loads the sequence; GitLab then refuses a document that is not a mapping (lib/gitlab/ci/config/yaml/loader.rb)
  psych('a sequence document', '- a\n- b\n', { error: 'Invalid configuration format' }),
  psych('special floats', 'a: [.inf, -.Inf]\n', {
    config: { a: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] },
  }),
  psych('unclosed flow sequence', 'a: [1, 2\n', {
    error: "(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 1 column 4",
  }),
  psych('quoted scalar reaching the end of the file', 'a: "one\n', {
    error: '(<unknown>): found unexpected end of stream while scanning a quoted scalar at line 1 column 4',
  }),
  psych('key with a trailing space before the colon', 'a : 1\n', { config: { a: 1 } }),
  psych('colon without a space is part of a plain scalar', 'a: http://x:80/y\nb: c:d\n', {
    config: { a: 'http://x:80/y', b: 'c:d' },
  }),
  psych('hash inside a plain scalar is text', 'a: b#c\n', { config: { a: 'b#c' } }),
  psych('plain scalar starting with an indicator is an error', 'a: @b\n', {
    error:
      '(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4',
  }),
  psych('percent at the start of a plain value', 'a: %b\n', {
    error:
      '(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4',
  }),
  psych("plain scalar under a mapping at the key's column is an error", 'a:\n  b: 1\n  c\n', {
    error: "(<unknown>): could not find expected ':' while scanning a simple key at line 3 column 3",
  }),
  psych("plain scalar under a sequence at the item's column is an error", 'a:\n  - x\n  y\n', {
    error: "(<unknown>): could not find expected ':' while scanning a simple key at line 3 column 3",
  }),
]
