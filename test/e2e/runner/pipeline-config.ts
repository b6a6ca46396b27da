// A merged pipeline configuration (includes resolved, `extends` and `!reference` expanded: gitlab-ci-local's
// `--preview`, after the components were rendered by @catalog/engine) turned into jobs, and the jobs GitLab would
// create for a pipeline: `rules` evaluated against the pipeline's variables, stages in order, `needs` and
// `dependencies` deciding what runs after what and whose dotenv reports a job inherits. Pure: no I/O.
import { isRulesIfTruthful } from '@catalog/engine'
import { mergeVariables, type VariableSet, type VariableSources, yamlVariables } from './variables.js'

export interface ImageConfig {
  name: string
  /** `entrypoint:` of the job's image; `['']` clears the image's entrypoint. */
  entrypoint?: string[]
}

export interface ServiceConfig extends ImageConfig {
  alias?: string
  command?: string[]
  variables: VariableSet
}

export interface NeedConfig {
  job: string
  artifacts: boolean
  optional: boolean
}

export interface JobConfig {
  name: string
  stage: string
  image?: ImageConfig
  services: ServiceConfig[]
  variables: VariableSet
  beforeScript: string[]
  script: string[]
  afterScript: string[]
  rules?: Record<string, unknown>[]
  when: string
  needs?: NeedConfig[]
  dependencies?: string[]
  dotenvReports: string[]
  /** `artifacts:paths` (files and directories inside the project; no globs here) and `artifacts:when`. */
  artifactPaths: string[]
  artifactsWhen: 'on_success' | 'on_failure' | 'always'
  allowFailure: boolean
  /** `tags:` as written; absent and `[]` are both no tags. */
  tags: string[]
}

export interface PipelineConfig {
  stages: string[]
  variables: VariableSet
  jobs: JobConfig[]
}

const RESERVED = new Set([
  'stages',
  'variables',
  'default',
  'include',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
])

class ConfigError extends Error {}

const strings = (value: unknown, where: string): string[] => {
  if (value === undefined || value === null) return []
  const flat = Array.isArray(value) ? value.flat(Number.POSITIVE_INFINITY) : [value]
  for (const item of flat)
    if (typeof item !== 'string')
      throw new ConfigError(`${where}: expected strings, got ${JSON.stringify(item)}`)
  return flat as string[]
}

function imageConfig(value: unknown, where: string): ImageConfig | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return { name: value }
  const image = value as { name?: unknown; entrypoint?: unknown }
  if (typeof image.name !== 'string') throw new ConfigError(`${where}: image without a name`)
  return {
    name: image.name,
    ...(image.entrypoint !== undefined ? { entrypoint: strings(image.entrypoint, where) } : {}),
  }
}

function serviceConfig(value: unknown, where: string): ServiceConfig {
  const base = imageConfig(value, where) as ImageConfig
  const service = (typeof value === 'object' ? value : {}) as {
    alias?: unknown
    command?: unknown
    variables?: unknown
  }
  return {
    ...base,
    ...(typeof service.alias === 'string' ? { alias: service.alias } : {}),
    ...(service.command !== undefined ? { command: strings(service.command, where) } : {}),
    variables: yamlVariables(service.variables),
  }
}

function needConfig(value: unknown, where: string): NeedConfig {
  if (typeof value === 'string') return { job: value, artifacts: true, optional: false }
  const need = value as { job?: unknown; artifacts?: unknown; optional?: unknown }
  if (typeof need?.job !== 'string') throw new ConfigError(`${where}: needs entry without a job`)
  return { job: need.job, artifacts: need.artifacts !== false, optional: need.optional === true }
}

export function pipelineConfig(merged: Record<string, unknown>): PipelineConfig {
  const stages = [
    '.pre',
    ...strings(merged.stages ?? ['build', 'test', 'deploy'], 'stages').filter(
      (s) => s !== '.pre' && s !== '.post',
    ),
    '.post',
  ]
  const jobs: JobConfig[] = []
  for (const [name, raw] of Object.entries(merged)) {
    if (RESERVED.has(name) || name.startsWith('.') || raw === null || typeof raw !== 'object') continue
    const job = raw as Record<string, unknown>
    if (job.trigger !== undefined) throw new ConfigError(`${name}: trigger jobs are not run locally`)
    const artifacts = (job.artifacts ?? {}) as {
      reports?: { dotenv?: unknown }
      paths?: unknown
      when?: unknown
    }
    const artifactPaths = strings(artifacts.paths, `${name}.artifacts.paths`)
    for (const path of artifactPaths)
      if (/[*?[]/.test(path))
        throw new ConfigError(`${name}.artifacts.paths: '${path}': this runner copies plain paths, not globs`)
    const artifactsWhen = artifacts.when ?? 'on_success'
    if (artifactsWhen !== 'on_success' && artifactsWhen !== 'on_failure' && artifactsWhen !== 'always')
      throw new ConfigError(
        `${name}.artifacts.when: '${String(artifactsWhen)}' is not on_success, on_failure or always`,
      )
    jobs.push({
      name,
      stage: typeof job.stage === 'string' ? job.stage : 'test',
      ...(job.image !== undefined ? { image: imageConfig(job.image, `${name}.image`) } : {}),
      services: Array.isArray(job.services)
        ? job.services.map((s, i) => serviceConfig(s, `${name}.services[${i}]`))
        : [],
      variables: yamlVariables(job.variables),
      beforeScript: strings(job.before_script, `${name}.before_script`),
      script: strings(job.script, `${name}.script`),
      afterScript: strings(job.after_script, `${name}.after_script`),
      ...(Array.isArray(job.rules) ? { rules: job.rules as Record<string, unknown>[] } : {}),
      when: typeof job.when === 'string' ? job.when : 'on_success',
      ...(Array.isArray(job.needs) ? { needs: job.needs.map((n) => needConfig(n, `${name}.needs`)) } : {}),
      ...(Array.isArray(job.dependencies)
        ? { dependencies: strings(job.dependencies, `${name}.dependencies`) }
        : {}),
      dotenvReports: strings(artifacts.reports?.dotenv, `${name}.artifacts.reports.dotenv`),
      artifactPaths,
      artifactsWhen,
      allowFailure:
        job.allow_failure === true || (typeof job.allow_failure === 'object' && job.allow_failure !== null),
      tags: strings(job.tags, `${name}.tags`),
    })
    const stage = jobs.at(-1)?.stage as string
    if (!stages.includes(stage))
      throw new ConfigError(
        `${name}: chosen stage ${stage} does not exist; available stages are ${stages.join(', ')}`,
      )
  }
  return { stages, variables: yamlVariables(merged.variables), jobs }
}

export interface PlannedJob {
  job: JobConfig
  /** `on_success`, `always` or `on_failure`, after `rules`. */
  when: string
  /** Variables of the matching rule. */
  ruleVariables: VariableSet
  allowFailure: boolean
  /** Runner tags with CI/CD variables expanded as GitLab expands them when it creates the job. */
  tags: string[]
}

/**
 * The jobs GitLab creates for the pipeline, in stage order: a job whose `rules` match none, or whose rule says
 * `when: never`, is not created; `manual` and `delayed` jobs are not run here.
 */
export function planPipeline(
  config: PipelineConfig,
  sources: Pick<VariableSources, 'predefined' | 'project'>,
): PlannedJob[] {
  const planned: PlannedJob[] = []
  for (const stage of config.stages) {
    for (const job of config.jobs.filter((j) => j.stage === stage)) {
      const merged = mergeVariables({
        ...sources,
        globalYaml: config.variables,
        jobYaml: job.variables,
        dotenv: {},
      })
      const values = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.value]))
      let when = job.when
      let ruleVariables: VariableSet = {}
      let allowFailure = job.allowFailure
      if (job.rules) {
        const rule = job.rules.find(
          (r) => r.if === undefined || (typeof r.if === 'string' && isRulesIfTruthful(r.if, values)),
        )
        if (!rule) continue
        for (const key of ['changes', 'exists', 'needs']) {
          if (rule[key] !== undefined)
            throw new ConfigError(`${job.name}: rules:${key} is not evaluated locally`)
        }
        when = typeof rule.when === 'string' ? rule.when : 'on_success'
        ruleVariables = yamlVariables(rule.variables)
        if (typeof rule.allow_failure === 'boolean') allowFailure = rule.allow_failure
      }
      if (when === 'never' || when === 'manual' || when === 'delayed') continue
      planned.push({
        job,
        when,
        ruleVariables,
        allowFailure,
        tags: job.tags.map((tag) => expandTag(tag, values)),
      })
    }
  }
  for (const { job } of planned) {
    for (const need of job.needs ?? []) {
      if (!need.optional && !planned.some((p) => p.job.name === need.job)) {
        throw new ConfigError(
          `'${job.name}' job needs '${need.job}' job, but '${need.job}' does not exist in the pipeline. This might be because of the only, except, or rules keywords. To need a job that sometimes does not exist in the pipeline, use needs:optional.`,
        )
      }
    }
  }
  return planned
}

/**
 * A runner tag as GitLab expands it when it creates the job (`ExpandVariables.expand_existing` in
 * `Seed::Build#evaluate_runner_tags`): `$NAME` and `${NAME}` of a variable the job has become its value, an
 * unknown name stays as written (and no runner has that tag).
 */
export function expandTag(tag: string, values: Record<string, string>): string {
  return tag.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced, bare) => {
    const name = (braced ?? bare) as string
    return Object.hasOwn(values, name) ? (values[name] as string) : match
  })
}

/**
 * Whether a runner picks a job up, as GitLab matches them: every tag of the job is one of the runner's, and a job
 * without tags needs a runner that runs untagged jobs. Otherwise the job stays pending ("stuck").
 */
export function runnerMatches(jobTags: string[], runner: { tags: string[]; runUntagged: boolean }): boolean {
  if (jobTags.length === 0) return runner.runUntagged
  return jobTags.every((tag) => runner.tags.includes(tag))
}

/** The jobs a job waits for: its `needs`, or every job of the earlier stages. */
export function upstreamOf(planned: PlannedJob, all: PlannedJob[], stages: string[]): string[] {
  if (planned.job.needs)
    return planned.job.needs.map((n) => n.job).filter((name) => all.some((p) => p.job.name === name))
  const index = stages.indexOf(planned.job.stage)
  return all.filter((p) => stages.indexOf(p.job.stage) < index).map((p) => p.job.name)
}

/** The jobs whose artifacts (dotenv reports, paths) a job receives: `needs` with artifacts, else `dependencies`, else every earlier stage. */
export function artifactSourcesOf(planned: PlannedJob, all: PlannedJob[], stages: string[]): string[] {
  const exists = (name: string) => all.some((p) => p.job.name === name)
  if (planned.job.needs)
    return planned.job.needs.filter((n) => n.artifacts && exists(n.job)).map((n) => n.job)
  if (planned.job.dependencies) return planned.job.dependencies.filter(exists)
  return upstreamOf(planned, all, stages)
}

export { ConfigError }
