// Runs a scenario pipeline as GitLab and its Runner would, on the local stack: components rendered by
// @catalog/engine (GitLab's interpolation, functions included), the configuration merged by gitlab-ci-local's
// `--preview` (includes, `extends`, `!reference`), jobs planned from `rules`/`stages`/`needs`, and every job run
// in its image by the docker executor of ./docker-executor.ts, with GitLab's variable precedence and the hand-over
// of artifacts (dotenv reports and `artifacts:paths`) between jobs.
import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parse } from 'yaml'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'
import { type Prepared, prepareScenario } from '../lib/render.js'
import { PROJECT_PATH, repoRoot, SERVER_HOST, type Workspace } from '../lib/workspace.js'
import { type JobOutcome, type RunnerConfig, runJob } from './docker-executor.js'
import {
  artifactSourcesOf,
  type PipelineConfig,
  type PlannedJob,
  pipelineConfig,
  planPipeline,
  runnerMatches,
  upstreamOf,
} from './pipeline-config.js'
import { jobEnvironment, mergeVariables, type Variable, type VariableSet } from './variables.js'

export type Ref = { branch: string } | { tag: string }

export interface RunOptions {
  /** Scenario file relative to the repository root. */
  scenario: string
  ref?: Ref
  /** Project CI/CD variables (they take precedence over everything in the YAML). */
  variables?: Record<string, string | Variable>
  /** Input values the suite changes for this machine, per component name (local images, CA files). */
  inputOverrides?: Record<string, Record<string, unknown>>
  /** Runner configuration for this run, over the defaults (`services_privileged`, no `privileged`). */
  runner?: Partial<Omit<RunnerConfig, 'dockerEnv'>>
}

export interface RunResult {
  /** 0 when every job that ran passed or was allowed to fail. */
  exitCode: number
  /** The runner's own summary: one line per job. */
  output: string
  /** A job's log: what the runner printed and everything the job's shell wrote ('' when it never ran). */
  jobLog(job: string): string
  status(job: string): 'passed' | 'failed' | 'not run'
  /** The job's runner tags as GitLab expanded them ([] without tags). */
  jobTags(job: string): string[]
  /** The job's dotenv report, as GitLab passed it on. */
  dotenv(job: string): Record<string, string>
  /** Every log of the run in one string, for "never appears" assertions. */
  allText: string
  prepared: Prepared
}

export const slug = (ref: string) =>
  ref
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '')

/** A registry namespace unique to this suite run, so "nothing was pushed" means what it says. */
export const runNamespace = `e2e-${Date.now().toString(36)}`

let pipelineCounter = 0
let jobCounter = 0

export const BUILDS_DIR = '/builds'
export const PROJECT_DIR = `${BUILDS_DIR}/${PROJECT_PATH}`

export const defaultRunner = (): RunnerConfig => {
  const stack = stackEnv()
  return {
    dockerEnv: {
      ...process.env,
      DOCKER_HOST: stack.DOCKER_HOST,
      PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}`,
    },
    privileged: false,
    servicesPrivileged: true,
    capAdd: [],
    securityOpt: [],
    unmaskedSystemPaths: false,
    // As GitLab's Docker-in-Docker documentation configures a runner: the dind service writes its client
    // certificates to /certs/client and the job reads them there.
    volumes: ['/certs/client'],
    // The registry's CA for daemons inside services (a dind daemon pulls the BuildKit image, pushes images).
    // The host's /etc/docker/certs.d holds exactly that CA, under the registry's name.
    serviceVolumes: ['/etc/docker/certs.d:/etc/docker/certs.d:ro'],
    serviceWaitSeconds: 30,
    jobTimeoutSeconds: 20 * 60,
    tags: [],
    runUntagged: true,
  }
}

/** GitLab's predefined variables for a pipeline on `ref` of the workspace's commit. */
export function predefinedVariables(
  workspace: Workspace,
  ref: Ref,
  pipelineId: number,
): Record<string, string> {
  const stack = stackEnv()
  const refName = 'tag' in ref ? ref.tag : ref.branch
  const projectUrl = `https://${SERVER_HOST}/${PROJECT_PATH}`
  return {
    CI: 'true',
    GITLAB_CI: 'true',
    CI_SERVER: 'yes',
    CI_SERVER_URL: `https://${SERVER_HOST}`,
    CI_SERVER_HOST: SERVER_HOST,
    CI_SERVER_FQDN: SERVER_HOST,
    CI_SERVER_PORT: '443',
    CI_SERVER_PROTOCOL: 'https',
    CI_API_V4_URL: `https://${SERVER_HOST}/api/v4`,
    CI_PROJECT_PATH: PROJECT_PATH,
    CI_PROJECT_NAME: PROJECT_PATH.split('/').at(-1) as string,
    CI_PROJECT_NAMESPACE: PROJECT_PATH.split('/').slice(0, -1).join('/'),
    CI_PROJECT_URL: projectUrl,
    CI_PROJECT_DIR: PROJECT_DIR,
    CI_BUILDS_DIR: BUILDS_DIR,
    CI_CONFIG_PATH: '.gitlab-ci.yml',
    CI_REGISTRY: stack.E2E_REGISTRY,
    CI_REGISTRY_IMAGE: `${stack.E2E_REGISTRY}/${runNamespace}/${PROJECT_PATH}`,
    CI_REGISTRY_USER: stack.E2E_REGISTRY_USER,
    CI_REGISTRY_PASSWORD: stack.E2E_REGISTRY_PASSWORD,
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_SOURCE: 'push',
    CI_PIPELINE_ID: String(pipelineId),
    CI_PIPELINE_IID: String(pipelineId),
    CI_PIPELINE_URL: `${projectUrl}/-/pipelines/${pipelineId}`,
    CI_COMMIT_SHA: workspace.sha,
    CI_COMMIT_SHORT_SHA: workspace.sha.slice(0, 8),
    CI_COMMIT_REF_NAME: refName,
    CI_COMMIT_REF_SLUG: slug(refName),
    ...('tag' in ref ? { CI_COMMIT_TAG: ref.tag } : { CI_COMMIT_BRANCH: ref.branch }),
    GITLAB_USER_NAME: 'E2E Suite',
    GITLAB_USER_LOGIN: 'e2e',
  }
}

const asVariable = (value: string | Variable): Variable => (typeof value === 'string' ? { value } : value)

/** The merged configuration, as gitlab-ci-local's `--preview` prints it. */
async function mergedConfiguration(workspace: Workspace, file: string): Promise<Record<string, unknown>> {
  const gitlabCiLocal = join(repoRoot, 'node_modules/.bin/gitlab-ci-local')
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(gitlabCiLocal, ['--preview', '--no-color', '--file', file], {
      cwd: workspace.dir,
      env: { ...process.env, GCL_MAX_JOB_NAME_PADDING: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const start = text.indexOf('\n---\n')
      if (code !== 0 || start < 0)
        reject(new Error(`gitlab-ci-local --preview failed (${code}):\n${text.slice(-3000)}`))
      else resolve(text.slice(start + 1))
    })
  })
  return parse(output) as Record<string, unknown>
}

/** A fresh checkout of the workspace's commit for one job, world-writable as the runner's umask 0000 leaves it. */
function checkout(workspace: Workspace, jobId: number, strategy: string): string {
  const dir = join(workspace.builds, String(jobId), PROJECT_PATH)
  mkdirSync(join(dir, '..'), { recursive: true })
  if (strategy === 'none') mkdirSync(dir)
  else execFileSync('git', ['clone', '--quiet', '--no-hardlinks', workspace.dir, dir], { stdio: 'ignore' })
  const open = (path: string) => {
    chmodSync(path, statSync(path).isDirectory() ? 0o777 : statSync(path).mode & 0o111 ? 0o777 : 0o666)
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) open(join(path, entry))
  }
  open(join(dir, '..'))
  return dir
}

export interface PipelinePlan {
  prepared: Prepared
  config: PipelineConfig
  planned: PlannedJob[]
  predefined: Record<string, string>
  project: VariableSet
}

/**
 * What GitLab does before any job runs: render the components (GitLab's input errors stop it here), merge the
 * configuration (gitlab-ci-local checks it against GitLab's CI schema) and create the pipeline's jobs.
 */
export async function planScenario(workspace: Workspace, options: RunOptions): Promise<PipelinePlan> {
  const ref = options.ref ?? { branch: 'main' }
  const pipelineId = 1000 + ++pipelineCounter
  const predefined = predefinedVariables(workspace, ref, pipelineId)
  const project: VariableSet = Object.fromEntries(
    Object.entries(options.variables ?? {}).map(([name, value]) => [name, asVariable(value)]),
  )
  const renderVariables = Object.fromEntries(
    Object.entries(mergeVariables({ predefined, globalYaml: {}, jobYaml: {}, dotenv: {}, project })).map(
      ([k, v]) => [k, v.value],
    ),
  )
  const prepared = await prepareScenario(workspace, options.scenario, {
    variables: renderVariables,
    inputOverrides: options.inputOverrides ?? {},
  })
  const config = pipelineConfig(await mergedConfiguration(workspace, prepared.file))
  return { prepared, config, planned: planPipeline(config, { predefined, project }), predefined, project }
}

export async function runPipeline(workspace: Workspace, options: RunOptions): Promise<RunResult> {
  const { prepared, config, planned, predefined, project } = await planScenario(workspace, options)
  const runner = { ...defaultRunner(), ...options.runner }
  const outcomes = new Map<string, JobOutcome & { status: 'passed' | 'failed'; artifactsDir?: string }>()
  const summary: string[] = []
  const succeeded = (name: string) => {
    const outcome = outcomes.get(name)
    const allowed = planned.find((p) => p.job.name === name)?.allowFailure
    return outcome !== undefined && (outcome.status === 'passed' || allowed === true)
  }
  for (const item of planned) {
    const upstream = upstreamOf(item, planned, config.stages)
    const failedUpstream = upstream.some((name) => !succeeded(name))
    const runs = item.when === 'always' || (item.when === 'on_failure' ? failedUpstream : !failedUpstream)
    if (!runs) {
      summary.push(` SKIP  ${item.job.name}`)
      continue
    }
    if (!runnerMatches(item.tags, runner)) {
      // On GitLab the job would stay pending: no runner picks it up. Here it fails, saying why.
      const tags = item.tags.length > 0 ? item.tags.join(', ') : '(none)'
      const log = `ERROR: no runner picks up ${item.job.name}: its tags are ${tags}; the runner's are ${runner.tags.join(', ') || '(none)'}${runner.runUntagged ? ' and untagged jobs' : ''}\n`
      outcomes.set(item.job.name, { exitCode: 1, log, dotenv: {}, status: 'failed' })
      summary.push(
        ` ${item.allowFailure ? 'WARN' : 'FAIL'}  ${item.job.name} (stuck: no runner with its tags)`,
      )
      continue
    }
    const outcome = await runPlannedJob(workspace, item, planned, config.stages, {
      predefined,
      project,
      globalYaml: config.variables,
      runner,
      dotenvOf: (name) => outcomes.get(name)?.dotenv ?? {},
      artifactsOf: (name) => outcomes.get(name)?.artifactsDir,
    })
    const status = outcome.exitCode === 0 ? 'passed' : 'failed'
    outcomes.set(item.job.name, { ...outcome, status })
    summary.push(` ${status === 'passed' ? 'PASS' : item.allowFailure ? 'WARN' : 'FAIL'}  ${item.job.name}`)
  }
  const exitCode = planned.every((p) => !outcomes.has(p.job.name) || succeeded(p.job.name)) ? 0 : 1
  const output = summary.join('\n')
  return {
    exitCode,
    output,
    jobLog: (job) => outcomes.get(job)?.log ?? '',
    status: (job) => outcomes.get(job)?.status ?? 'not run',
    jobTags: (job) => planned.find((p) => p.job.name === job)?.tags ?? [],
    dotenv: (job) => outcomes.get(job)?.dotenv ?? {},
    allText: [output, ...[...outcomes.values()].map((o) => o.log)].join('\n'),
    prepared,
  }
}

async function runPlannedJob(
  workspace: Workspace,
  item: PlannedJob,
  planned: PlannedJob[],
  stages: string[],
  context: {
    predefined: Record<string, string>
    project: VariableSet
    globalYaml: VariableSet
    runner: RunnerConfig
    dotenvOf: (job: string) => Record<string, string>
    /** Where a finished job's `artifacts:paths` were kept, if it kept any. */
    artifactsOf: (job: string) => string | undefined
  },
): Promise<JobOutcome & { artifactsDir?: string }> {
  const { job } = item
  const jobId = 5000 + ++jobCounter
  const sources = artifactSourcesOf(item, planned, stages)
  const dotenv = Object.assign({}, ...sources.map(context.dotenvOf)) as Record<string, string>
  const predefined = {
    ...context.predefined,
    CI_JOB_ID: String(jobId),
    CI_JOB_NAME: job.name,
    CI_JOB_STAGE: job.stage,
    CI_JOB_URL: `${context.predefined.CI_PROJECT_URL}/-/jobs/${jobId}`,
    CI_JOB_STATUS: 'running',
  }
  const variables = mergeVariables({
    predefined,
    globalYaml: context.globalYaml,
    jobYaml: job.variables,
    rules: item.ruleVariables,
    dotenv,
    project: context.project,
  })
  const { env, files } = jobEnvironment(variables, (name) => `${PROJECT_DIR}.tmp/${name}`)
  if (!job.image) throw new Error(`${job.name}: no image (this runner has no shell executor)`)
  const expand = (text: string) =>
    text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => env[name] ?? '')
  const hostProjectDir = checkout(workspace, jobId, env.GIT_STRATEGY ?? 'fetch')
  // The artifacts of the jobs it depends on, extracted into the project directory as the runner does.
  for (const source of sources) {
    const kept = context.artifactsOf(source)
    if (kept) cpSync(kept, hostProjectDir, { recursive: true })
  }
  const outcome = await runJob(context.runner, {
    // The process id keeps names apart when several suites share the daemon.
    id: `ce2e-${process.pid}-${jobId}`,
    name: job.name,
    image: expand(job.image.name),
    ...(job.image.entrypoint ? { entrypoint: job.image.entrypoint } : {}),
    services: job.services.map((service) => {
      const image = expand(service.name)
      const bare = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '')
      return {
        image,
        ...(service.entrypoint ? { entrypoint: service.entrypoint } : {}),
        ...(service.command ? { command: service.command } : {}),
        // The runner's aliases: the image name without tag, with `/` as `__` and as `-`, plus `alias`.
        aliases: [
          ...new Set([
            bare.replaceAll('/', '__'),
            bare.replaceAll('/', '-'),
            ...(service.alias ? [service.alias] : []),
          ]),
        ],
        env: { ...env, ...jobEnvironment(service.variables, () => '').env },
      }
    }),
    env,
    files,
    commands: [...job.beforeScript, ...job.script],
    afterCommands: job.afterScript,
    dotenvReports: job.dotenvReports,
    hostProjectDir,
    projectDir: PROJECT_DIR,
  })
  const keep =
    job.artifactsWhen === 'always' || (job.artifactsWhen === 'on_failure') === (outcome.exitCode !== 0)
  if (!keep || job.artifactPaths.length === 0) return outcome
  const artifactsDir = join(workspace.builds, 'artifacts', String(jobId))
  const notes: string[] = ['Uploading artifacts...']
  for (const path of job.artifactPaths.map(expand)) {
    const from = resolve(hostProjectDir, path)
    const inside = relative(hostProjectDir, from)
    if (inside === '' || inside.startsWith('..')) {
      notes.push(`WARNING: ${path}: not inside the project directory, not uploaded`)
      continue
    }
    if (!existsSync(from)) {
      notes.push(`WARNING: ${path}: no matching files`)
      continue
    }
    cpSync(from, join(artifactsDir, inside), { recursive: true })
    notes.push(`${path}: found`)
  }
  return { ...outcome, log: `${outcome.log}\n${notes.join('\n')}`, artifactsDir }
}

/** For failure messages: the runner's summary and the tail of every failed job's log. */
export function tail(result: RunResult, lines = 80): string {
  const failed = result.output
    .split('\n')
    .filter((line) => /^ (FAIL|WARN) /.test(line))
    .map((line) => line.trim().split(/\s+/)[1] as string)
  return [
    result.output,
    ...failed.map((job) => `--- ${job}\n${result.jobLog(job).split('\n').slice(-lines).join('\n')}`),
  ].join('\n')
}
