import { compareVersions, isPrerelease, parseVersion, type Version } from '@catalog/versions'

/** A tag of the catalog project and the commit it points at (peeled, for annotated tags). */
export interface CatalogTag {
  name: string
  sha: string
}

export interface ResolveOptions {
  /** Let `~latest`, partial versions and branch names pick pre-releases too. */
  prerelease?: boolean
  /** Branch names of the catalog project, so a branch reference can be told from a typo. */
  branches?: string[]
}

/** How the reference was read, in GitLab's order: catalog version, then release tag, then Git ref. */
export type ResolutionKind = 'latest' | 'partial' | 'tag' | 'branch' | 'sha'

export type ResolveErrorCode =
  | 'VARIABLE_REFERENCE'
  | 'NO_MATCHING_RELEASE'
  | 'NOT_A_VERSION_TAG'
  | 'UNTAGGED_COMMIT'
  | 'AMBIGUOUS_COMMIT'
  | 'UNKNOWN_REFERENCE'

export type Resolution =
  | { ok: true; kind: ResolutionKind; version: Version; note?: string }
  | { ok: false; code: ResolveErrorCode; message: string }

const SHORTHAND = /^\d+(\.\d+)?$/
const SHA = /^[0-9a-f]{7,40}$/i

/** The catalog's version tags, newest first; pre-releases only when `prerelease` is set. */
export function releases(tags: CatalogTag[], options: { prerelease?: boolean } = {}): Version[] {
  return versionTags(tags)
    .map(({ version }) => version)
    .filter((version) => options.prerelease || !isPrerelease(version))
    .sort((a, b) => compareVersions(b, a))
}

/**
 * Resolves a component reference (what follows `@`) to one version tag of the catalog.
 *
 * `~latest` and `1` / `1.4` pick the newest matching release and never a pre-release unless asked, as GitLab
 * does. A tag name stays that tag. A branch resolves to the newest release overall: a branch moves, and its
 * tags' ancestry is not read here. A commit SHA resolves to the version tag at that commit.
 */
export function resolveReference(ref: string, tags: CatalogTag[], options: ResolveOptions = {}): Resolution {
  if (ref.includes('$')) {
    return fail('VARIABLE_REFERENCE', `\`${ref}\` is a CI/CD variable; its value is only known in a pipeline`)
  }
  const candidates = releases(tags, options)
  const newest = candidates[0]
  const kindOfRelease = options.prerelease ? 'release or pre-release' : 'release'

  if (ref === '~latest') {
    if (newest) return { ok: true, kind: 'latest', version: newest }
    return fail(
      'NO_MATCHING_RELEASE',
      `\`~latest\` matches no ${kindOfRelease} tag of the catalog${prereleaseHint(tags, options)}`,
    )
  }

  if (SHORTHAND.test(ref)) {
    const [major, minor] = ref.split('.').map(Number)
    const match = candidates.find((v) => v.major === major && (minor === undefined || v.minor === minor))
    if (match) return { ok: true, kind: 'partial', version: match }
  }

  const tag = tags.find((t) => t.name === ref)
  if (tag) {
    const version = parseVersion(tag.name)
    if (version) return { ok: true, kind: 'tag', version }
    const sameCommit = versionAt(tags, tag.sha)
    if (sameCommit) {
      return {
        ok: true,
        kind: 'tag',
        version: sameCommit,
        note: `tag \`${ref}\` is not a version; ${sameCommit.tag} is the version tag at the same commit`,
      }
    }
    return fail(
      'NOT_A_VERSION_TAG',
      `tag \`${ref}\` is not a semantic version and no version tag is at its commit`,
    )
  }

  if (options.branches?.includes(ref)) {
    if (!newest)
      return fail('NO_MATCHING_RELEASE', `branch \`${ref}\`: the catalog has no ${kindOfRelease} to pin to`)
    return {
      ok: true,
      kind: 'branch',
      version: newest,
      note: `branch \`${ref}\` resolved to the newest ${kindOfRelease}, ${newest.tag} (a branch moves; which releases it contains is not checked)`,
    }
  }

  const shorthandMiss = () =>
    fail(
      'NO_MATCHING_RELEASE',
      `\`${ref}\` matches no ${kindOfRelease} of the catalog${available(candidates)}${prereleaseHint(tags, options)}`,
    )

  if (SHA.test(ref)) {
    const prefix = ref.toLowerCase()
    const shas = new Set(tags.filter((t) => t.sha.toLowerCase().startsWith(prefix)).map((t) => t.sha))
    if (shas.size === 0 && SHORTHAND.test(ref)) return shorthandMiss()
    if (shas.size > 1)
      return fail(
        'AMBIGUOUS_COMMIT',
        `commit \`${ref}\` is ambiguous: it matches ${shas.size} tagged commits`,
      )
    const [sha] = shas
    const version = sha === undefined ? null : versionAt(tags, sha)
    if (version) return { ok: true, kind: 'sha', version, note: `commit \`${ref}\` is tagged ${version.tag}` }
    return fail(
      'UNTAGGED_COMMIT',
      `commit \`${ref}\` has no version tag; only tagged commits can be pinned to a version`,
    )
  }

  if (SHORTHAND.test(ref)) return shorthandMiss()
  return fail('UNKNOWN_REFERENCE', `\`${ref}\` is not a version, tag, branch or tagged commit of the catalog`)
}

function fail(code: ResolveErrorCode, message: string): Resolution {
  return { ok: false, code, message }
}

function versionTags(tags: CatalogTag[]): { tag: CatalogTag; version: Version }[] {
  return tags.flatMap((tag) => {
    const version = parseVersion(tag.name)
    return version ? [{ tag, version }] : []
  })
}

/** The newest version tag at `sha`, preferring releases over pre-releases. */
function versionAt(tags: CatalogTag[], sha: string): Version | null {
  const atCommit = versionTags(tags)
    .filter(({ tag }) => tag.sha === sha)
    .map(({ version }) => version)
    .sort((a, b) => Number(isPrerelease(a)) - Number(isPrerelease(b)) || compareVersions(b, a))
  return atCommit[0] ?? null
}

function available(candidates: Version[]): string {
  if (candidates.length === 0) return ''
  return ` (newest: ${candidates
    .slice(0, 5)
    .map((v) => v.tag)
    .join(', ')})`
}

function prereleaseHint(tags: CatalogTag[], options: ResolveOptions): string {
  if (options.prerelease) return ''
  const pre = releases(tags, { prerelease: true }).filter(isPrerelease)
  return pre.length > 0 ? `; pre-releases (${pre[0]?.tag}…) are only chosen when asked` : ''
}
