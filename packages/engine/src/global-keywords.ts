/**
 * Top-level keys of a pipeline that are not job names: GitLab's global keywords (`default`, `include`, `stages`,
 * `variables`, `workflow`, and the deprecated globals `image`, `services`, `cache`, `before_script`,
 * `after_script`), `types` (the old name of `stages`) and `spec` (the header's keyword).
 */
export const GLOBAL_KEYWORDS: ReadonlySet<string> = new Set([
  'after_script',
  'before_script',
  'cache',
  'default',
  'image',
  'include',
  'services',
  'spec',
  'stages',
  'types',
  'variables',
  'workflow',
])
