import { stringify } from 'yaml'
import { renderedJobs } from '../analyze-component.js'
import type { RuleContext } from '../context.js'
import type { SchemaError } from '../types.js'
import { locateRendered } from '../util-locate.js'

/** Keeps the most specific schema errors: drops an error when another one points deeper into the same node. */
export function mostSpecific(errors: SchemaError[]): { path: string; message: string }[] {
  const paths = [...new Set(errors.map((error) => error.path))]
  const leaves = paths.filter(
    (path) => !paths.some((other) => other !== path && other.startsWith(`${path}/`)),
  )
  return leaves.map((path) => {
    const messages = [...new Set(errors.filter((error) => error.path === path).map((error) => error.message))]
    const shown = messages.slice(0, 3).join('; ')
    return { path, message: messages.length > 3 ? `${shown}; …` : shown }
  })
}

function withStages(config: Record<string, unknown>): Record<string, unknown> {
  const stages = new Set<string>()
  for (const value of Object.values(config)) {
    const stage = (value as { stage?: unknown } | null)?.stage
    if (typeof stage === 'string' && stage !== '.pre' && stage !== '.post') stages.add(stage)
  }
  return { stages: [...stages], ...config }
}

/**
 * Rendered configurations against GitLab's CI JSON schema (the one gitlab-ci-local bundles), and against GitLab's
 * CI Lint API when the caller provides one.
 */
export async function ciSchema(ctx: RuleContext): Promise<void> {
  const { validateCiSchema, lintCiConfig } = ctx.tools
  if (!validateCiSchema) return
  const rule = 'ci-schema'
  for (const analysis of ctx.components) {
    const { component, rendered, docs } = analysis
    if (!rendered.ok) continue
    for (const error of mostSpecific(await validateCiSchema(rendered.config))) {
      const offset = locateRendered(docs.content?.contents as never, rendered.config, error.path) ?? 0
      ctx.reportAt(
        rule,
        component.file,
        component.source,
        offset,
        `rendered with its defaults, \`${error.path || '/'}\` does not match GitLab's CI schema: ${error.message}. Fix the keyword or its value (see https://docs.gitlab.com/ci/yaml/).`,
      )
    }
  }
  for (const scenario of ctx.scenarios) {
    const { file, source } = scenario.scenario
    if (!scenario.doc) continue
    for (const error of mostSpecific(await validateCiSchema(scenario.config))) {
      const offset = locateRendered(scenario.doc.contents as never, scenario.config, error.path) ?? 0
      ctx.reportAt(
        rule,
        file,
        source,
        offset,
        `\`${error.path || '/'}\` does not match GitLab's CI schema: ${error.message}. Fix the keyword or its value (see https://docs.gitlab.com/ci/yaml/).`,
      )
    }
    for (const include of scenario.includes) {
      if (!include.rendered?.ok) continue
      for (const error of mostSpecific(await validateCiSchema(include.rendered.config))) {
        ctx.reportAt(
          rule,
          file,
          source,
          include.node.range?.[0] ?? 0,
          `\`${include.name}\` rendered with this scenario's inputs: \`${error.path || '/'}\` does not match GitLab's CI schema: ${error.message}. Fix the inputs or the component.`,
        )
      }
    }
  }
  if (!lintCiConfig) return
  const lints = ctx.components.flatMap((analysis) =>
    analysis.rendered.ok ? [{ analysis, config: analysis.rendered.config }] : [],
  )
  const results = await Promise.all(lints.map(({ config }) => lintCiConfig(stringify(withStages(config)))))
  lints.forEach(({ analysis }, index) => {
    const result = results[index]
    if (!result) return
    const { component } = analysis
    for (const [messages, severity] of [
      [result.errors, 'error'],
      [result.warnings, 'warning'],
    ] as const) {
      for (const message of messages) {
        const job = renderedJobs(analysis).find((candidate) => message.includes(`jobs:${candidate.name}`))
        const offset = (job?.job.pair.key as { range?: number[] } | undefined)?.range?.[0] ?? 0
        ctx.reportAt(
          rule,
          component.file,
          component.source,
          offset,
          `GitLab's CI Lint API rejects the component rendered with its defaults: ${message}. Fix what GitLab names.`,
          severity,
        )
      }
    }
  })
}
