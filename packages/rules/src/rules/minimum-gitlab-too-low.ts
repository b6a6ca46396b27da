import {
  compareGitlabVersions,
  findGitlabFeatures,
  GITLAB_FEATURES,
  type GitlabFeatureUse,
} from '@catalog/engine'
import type { RuleContext } from '../context.js'

const RULE = 'minimum-gitlab-too-low'

function describeUse(use: GitlabFeatureUse): string {
  const feature = GITLAB_FEATURES[use.feature]
  return `${use.subject} uses ${feature.title}`
}

/**
 * A component must not use a `spec:` or interpolation feature newer than the `minimum_gitlab` its meta.yml declares:
 * on the oldest GitLab it claims to support, every include would fail. A feature behind a feature flag that is off by
 * default fails on every default instance, whatever the version.
 */
export function minimumGitlabTooLow(ctx: RuleContext): void {
  for (const { component } of ctx.components) {
    if (!component.meta) continue
    const uses = findGitlabFeatures(component.source)
    const minimum = component.meta.minimumGitlab
    for (const use of uses) {
      const feature = GITLAB_FEATURES[use.feature]
      const offset = use.range?.[0] ?? 0
      if ('flag' in feature) {
        ctx.reportAt(
          RULE,
          component.file,
          component.source,
          offset,
          `${describeUse(use)}, which GitLab ${feature.since} has only behind the feature flag \`${feature.flag}\`, off by default, so no minimum_gitlab makes it work on a default instance (${feature.reference}). Remove it until GitLab enables it by default.`,
        )
      } else if (minimum !== undefined && compareGitlabVersions(feature.since, minimum) > 0) {
        ctx.reportAt(
          RULE,
          component.file,
          component.source,
          offset,
          `${describeUse(use)}, which needs GitLab ${feature.since} (${feature.reference}), but ${component.metaFile} declares minimum_gitlab "${minimum}". Raise it to \`minimum_gitlab: "${feature.since}"\` or stop using the feature.`,
        )
      }
    }
    if (minimum === undefined) {
      const newest = uses
        .filter((use) => !('flag' in GITLAB_FEATURES[use.feature]))
        .reduce<GitlabFeatureUse | undefined>(
          (best, use) =>
            !best ||
            compareGitlabVersions(GITLAB_FEATURES[use.feature].since, GITLAB_FEATURES[best.feature].since) > 0
              ? use
              : best,
          undefined,
        )
      const needed = newest ? GITLAB_FEATURES[newest.feature].since : GITLAB_FEATURES['spec-inputs'].since
      const why = newest ? `; the newest feature it uses is ${GITLAB_FEATURES[newest.feature].title}` : ''
      ctx.report(
        RULE,
        component.metaFile,
        1,
        `\`${component.name}\` declares no minimum_gitlab, so its users cannot tell which GitLab it needs${why}. Add \`minimum_gitlab: "${needed}"\` to ${component.metaFile}.`,
        'warning',
      )
    }
  }
}
