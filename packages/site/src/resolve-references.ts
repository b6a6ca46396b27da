import type { SortedVersion } from './sort-versions.js'

export type ReferenceKind = 'exact' | 'minor' | 'major' | 'latest' | 'sha'

export interface VersionReference {
  kind: ReferenceKind
  /** Short label for a selector: `Exact`, `Minor`, … */
  label: string
  /** What goes after `@`. */
  ref: string
  /** One line on what GitLab resolves this reference to. */
  meaning: string
}

const RELEASES_ONLY = 'Resolves only for published catalog releases and never picks a pre-release.'

/**
 * The ways GitLab resolves `@<ref>` in `include: component:` (spec §2.3), each applied to the newest release.
 * Without a release, the references are placeholders.
 */
export function resolveReferences(latest: SortedVersion | null): VersionReference[] {
  const v = latest?.parsed
  const exact = latest?.version ?? '<version>'
  const minor = v ? `${v.major}.${v.minor}` : '<major>.<minor>'
  const major = v ? `${v.major}` : '<major>'
  const sha = latest?.sha ?? '<commit-sha>'
  const of = latest ? `release ${latest.version}` : 'a release'
  return [
    {
      kind: 'exact',
      label: 'Exact',
      ref: exact,
      meaning: `Exactly ${of}, nothing else: the safest pin, it changes only when you change it.`,
    },
    {
      kind: 'minor',
      label: 'Minor',
      ref: minor,
      meaning: `The newest ${minor}.x release, so patch releases arrive on their own. ${RELEASES_ONLY}`,
    },
    {
      kind: 'major',
      label: 'Major',
      ref: major,
      meaning: `The newest ${major}.x.y release: new features and fixes, no breaking changes. ${RELEASES_ONLY}`,
    },
    {
      kind: 'latest',
      label: '~latest',
      ref: '~latest',
      meaning: `The newest release of any major version, so breaking changes arrive unannounced. ${RELEASES_ONLY}`,
    },
    {
      kind: 'sha',
      label: 'Commit SHA',
      ref: sha,
      meaning: `The commit of ${of}: a SHA never changes, but it does not say which version it is.`,
    },
  ]
}
