import { isMap, isScalar, type Node, visit } from 'yaml'
import type { GitlabVersion } from './gitlab-version.js'
import { scanBlocks, splitBlockData } from './interpolate/find-blocks.js'
import type { LoadedDocument } from './load-file.js'
import { loadSpec } from './read-spec.js'
import { compileRe2 } from './util-re2.js'
import { isPlainObject, rubyToS } from './util-ruby.js'

/**
 * The `spec:` and interpolation features newer than GitLab 17.0 (when CI/CD inputs became generally available), each
 * with the version that introduced it, so a component can be checked against the oldest GitLab it claims to support.
 */
export interface GitlabFeature {
  /** What a component author writes. */
  title: string
  /** The first version in which the feature works without enabling anything. */
  since: GitlabVersion
  /** A feature flag that is off by default: on a default instance the feature does not work in any version. */
  flag?: string
  /** Where `since` comes from. */
  reference: string
}

export const GITLAB_FEATURES = {
  'spec-inputs': {
    title: '`spec:inputs`',
    since: '17.0',
    reference: 'CI/CD inputs generally available in GitLab 17.0 (doc/ci/inputs/_index.md)',
  },
  'regex-empty-default': {
    title: 'a `regex` on an input whose default is empty',
    since: '18.1',
    reference:
      'gitlab#477707, fixed by gitlab!192082 (allow_empty_string in Ci::Inputs::StringInput#validate_regex); before it every include fails with `default value does not match required RegEx pattern`',
  },
  'posix-escape': {
    title: 'the `posix_escape` function',
    since: '18.6',
    reference: 'introduced in GitLab 18.6 (doc/ci/inputs/_index.md, gitlab#568289)',
  },
  'spec-component': {
    title: '`spec:component`',
    since: '18.6',
    reference:
      'introduced in GitLab 18.6 as a beta enabled by default, generally available in 18.7 (doc/ci/yaml/_index.md)',
  },
  'spec-inputs-rules': {
    title: '`spec:inputs:rules`',
    since: '18.7',
    reference: 'introduced in GitLab 18.7 (doc/ci/yaml/_index.md, gitlab#582671)',
  },
  'rules-default-null': {
    title: 'a `spec:inputs:rules` rule with `default: null` and no `options`',
    since: '18.9',
    reference: 'introduced in GitLab 18.9 (doc/ci/inputs/_index.md, gitlab!218804)',
  },
  'spec-include': {
    title: '`spec:include`',
    since: '18.9',
    reference:
      'behind `ci_file_inputs` (off) in 18.6, generally available in GitLab 18.9 (doc/ci/yaml/_index.md)',
  },
  'spec-description': {
    title: '`spec:description`',
    since: '18.10',
    reference: 'introduced in GitLab 18.10 (doc/ci/yaml/_index.md, gitlab#588286)',
  },
  'array-index': {
    title: 'array index access (`inputs.name[0]`)',
    since: '18.11',
    reference:
      'behind `ci_inputs_array_index_operator` (off) in 18.10, generally available in GitLab 18.11 (doc/ci/inputs/_index.md)',
  },
  'array-options': {
    title: '`options` on an array input',
    since: '19.0',
    reference:
      'introduced in GitLab 19.0 (doc/ci/inputs/_index.md, gitlab#566155; lib/ci/inputs/array_input.rb)',
  },
  split: {
    title: 'the `split` function',
    since: '19.2',
    flag: 'ci_interpolation_split_function',
    reference:
      'introduced in GitLab 19.2 behind `ci_interpolation_split_function`, disabled by default (config/feature_flags/beta/ci_interpolation_split_function.yml)',
  },
} as const satisfies Record<string, GitlabFeature>

export type GitlabFeatureId = keyof typeof GITLAB_FEATURES

/** One use of a feature in a file. */
export interface GitlabFeatureUse {
  feature: GitlabFeatureId
  /** What uses it, e.g. the input name or the block. */
  subject: string
  /** Offsets in the file of the key or scalar that uses it. */
  range?: [number, number]
}

type Range = [number, number]

function keyRange(document: LoadedDocument | null, path: readonly string[]): Range | undefined {
  let node: unknown = document?.document?.contents
  let range: Range | undefined
  for (const key of path) {
    if (!isMap(node)) return range
    const pair = node.items.find((item) => isScalar(item.key) && rubyToS(item.key.value) === key)
    if (!pair) return range
    const found = (pair.key as Node).range
    if (found && document) range = [found[0] + document.offset, found[1] + document.offset]
    node = pair.value
  }
  return range
}

/** Which block features a `$[[ … ]]` block uses. */
function blockFeatures(data: string): GitlabFeatureId[] {
  const { access, functions } = splitBlockData(data)
  const features: GitlabFeatureId[] = []
  if (access.includes('[')) features.push('array-index')
  if (functions.some((expression) => /^posix_escape$/.test(expression))) features.push('posix-escape')
  if (functions.some((expression) => /^split\(/.test(expression))) features.push('split')
  return features
}

function contentUses(content: LoadedDocument | null): GitlabFeatureUse[] {
  const uses: GitlabFeatureUse[] = []
  if (!content?.document) return uses
  visit(content.document, {
    Scalar(_key, node) {
      if (typeof node.value !== 'string') return
      for (const block of scanBlocks(node.value)) {
        const range = node.range
          ? ([node.range[0] + content.offset, node.range[1] + content.offset] as Range)
          : undefined
        for (const feature of blockFeatures(block.data)) {
          uses.push({ feature, subject: block.block, ...(range ? { range } : {}) })
        }
      }
    },
  })
  return uses
}

/**
 * Every use of a feature from `GITLAB_FEATURES` in a component file, in file order. A file that does not load or
 * whose header is invalid yields none (the header errors are reported elsewhere); a file without a header is not
 * interpolated, so it uses none either.
 */
export function findGitlabFeatures(source: string): GitlabFeatureUse[] {
  const loaded = loadSpec(source)
  if (!loaded.ok || !loaded.spec) return []
  const { spec, header } = loaded
  const uses: GitlabFeatureUse[] = []
  const add = (feature: GitlabFeatureId, subject: string, range: Range | undefined) =>
    uses.push({ feature, subject, ...(range ? { range } : {}) })

  add('spec-inputs', 'spec', keyRange(header, ['spec']))
  if (spec.description !== undefined)
    add('spec-description', 'spec:description', keyRange(header, ['spec', 'description']))
  if (spec.component.length > 0)
    add('spec-component', 'spec:component', keyRange(header, ['spec', 'component']))
  if (spec.include !== undefined) add('spec-include', 'spec:include', keyRange(header, ['spec', 'include']))
  for (const input of Object.values(spec.inputs)) {
    const subject = `\`${input.name}\``
    if (input.type === 'array' && input.options !== undefined) add('array-options', subject, input.range)
    const rules = (input.rules ?? []).filter(isPlainObject)
    const emptyDefault =
      input.default === '' || rules.some((rule) => Object.hasOwn(rule, 'default') && rule.default === '')
    // A regex that cannot match '' fails in every version; only one that can is a matter of version.
    const compiled = input.regex !== undefined ? compileRe2(input.regex) : null
    const matchesEmpty = compiled?.ok === true && compiled.regex.test('')
    if (input.type === 'string' && matchesEmpty && emptyDefault) {
      add('regex-empty-default', subject, input.range)
    }
    if (input.rules !== undefined) add('spec-inputs-rules', subject, input.range)
    const userEntered = rules.some(
      (rule) => Object.hasOwn(rule, 'default') && rule.default === null && !Array.isArray(rule.options),
    )
    if (userEntered) add('rules-default-null', subject, input.range)
  }
  uses.push(...contentUses(loaded.content))
  return uses.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0))
}
