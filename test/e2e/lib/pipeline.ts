// Runs a scenario pipeline with gitlab-ci-local 4.70.0 in shell-executor mode against the local stack, with
// GitLab's predefined variables pointed at the local registry.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'
import { type Prepared, prepareScenario } from './render.js'
import { PROJECT_PATH, repoRoot, SERVER_HOST, type Workspace } from './workspace.js'

export type Ref = { branch: string } | { tag: string }

export interface RunOptions {
  /** Scenario file relative to the repository root. */
  scenario: string
  ref?: Ref
  /** Run only these jobs (gitlab-ci-local positional job names); default: the whole pipeline. */
  jobs?: string[]
  /** Extra or overriding CI variables. */
  variables?: Record<string, string>
  /** Input values the suite changes for this machine, per component name (e.g. services off). */
  inputOverrides?: Record<string, Record<string, unknown>>
  /** `engine`: render every component with @catalog/engine, whatever its template uses. */
  render?: 'auto' | 'engine'
  /**
   * `shell` (default): every job on this machine's shell. `docker`: jobs with an `image` run in that image on
   * the stack's daemon (kaniko: its executor only exists in its image), with host networking and the
   * registry CA mounted at the same path; image-less jobs still run in the shell.
   */
  executor?: 'shell' | 'docker'
  /** Only print the merged configuration (`--preview`): checks includes, inputs and GitLab's CI schema. */
  preview?: boolean
}

/** gitlab-ci-local's file name for a job (`Utils.safeDockerString`): other than [\w-], base64 without padding. */
export const safeJobName = (job: string) =>
  job.replace(/[^\w-]+/g, (chars) => Buffer.from(chars).toString('base64').replace(/=+$/, ''))

export interface RunResult {
  exitCode: number
  /** gitlab-ci-local's own output, all jobs interleaved. */
  output: string
  /** Each job's log as gitlab-ci-local recorded it, by job name ('' when the job never started). */
  jobLog(job: string): string
  /** Whether the job ran to success, failed, or never started (gitlab-ci-local's summary). */
  status(job: string): 'passed' | 'failed' | 'not run'
  /** The job's dotenv report (`artifacts:reports:dotenv`) as gitlab-ci-local kept it. */
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

export function ciVariables(workspace: Workspace, ref: Ref = { branch: 'main' }): Record<string, string> {
  const stack = stackEnv()
  const refName = 'tag' in ref ? ref.tag : ref.branch
  const storageConf = join(workspace.home, 'storage.conf')
  if (!existsSync(storageConf)) {
    writeFileSync(
      storageConf,
      `[storage]\ndriver = "overlay"\ngraphroot = "${workspace.home}/containers/storage"\nrunroot = "${workspace.home}/containers/run"\n`,
    )
  }
  return {
    CI_SERVER_URL: `https://${SERVER_HOST}`,
    CI_SERVER_HOST: SERVER_HOST,
    CI_SERVER_FQDN: SERVER_HOST,
    CI_PROJECT_PATH: PROJECT_PATH,
    CI_PROJECT_URL: `https://${SERVER_HOST}/${PROJECT_PATH}`,
    CI_REGISTRY: stack.E2E_REGISTRY,
    CI_REGISTRY_IMAGE: `${stack.E2E_REGISTRY}/${runNamespace}/${PROJECT_PATH}`,
    CI_REGISTRY_USER: stack.E2E_REGISTRY_USER,
    CI_REGISTRY_PASSWORD: stack.E2E_REGISTRY_PASSWORD,
    CI_DEFAULT_BRANCH: 'main',
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_SHA: workspace.sha,
    CI_COMMIT_REF_NAME: refName,
    CI_COMMIT_REF_SLUG: slug(refName),
    ...('tag' in ref ? { CI_COMMIT_TAG: ref.tag } : { CI_COMMIT_BRANCH: ref.branch }),
    // The local daemon, not the component's Docker-in-Docker service (services are off here).
    DOCKER_HOST: stack.DOCKER_HOST,
    HOME: workspace.home,
    DOCKER_CONFIG: join(workspace.home, '.docker'),
    REGISTRY_AUTH_FILE: join(workspace.home, 'auth.json'),
    CONTAINERS_STORAGE_CONF: storageConf,
    // Scenario inputs name these; on GitLab they are unset (public CA, no proxy) unless a project sets them.
    TEST_REGISTRY_CA: stack.E2E_CA_FILE,
    TEST_HTTP_PROXY: stack.E2E_HTTP_PROXY,
    TEST_PROXY_TARGET: stack.E2E_PROXY_TARGET,
    // Scenario files default to public base images for GitLab; here the base is made locally.
    BASE_IMAGE: stack.E2E_BASE_IMAGE,
  }
}

const gitlabCiLocal = join(repoRoot, 'node_modules/.bin/gitlab-ci-local')

export async function runPipeline(workspace: Workspace, options: RunOptions): Promise<RunResult> {
  const variables = { ...ciVariables(workspace, options.ref), ...options.variables }
  // gitlab-ci-local predefines a dependency proxy server and user but no password; no proxy exists here.
  const unset = [
    options.ref && 'tag' in options.ref ? 'CI_COMMIT_BRANCH' : 'CI_COMMIT_TAG',
    'CI_DEPENDENCY_PROXY_SERVER',
    'CI_DEPENDENCY_PROXY_USER',
    'CI_DEPENDENCY_PROXY_PASSWORD',
  ]
  const prepared = await prepareScenario(workspace, options.scenario, {
    variables,
    inputOverrides: options.inputOverrides ?? {},
    forceEngine: options.render === 'engine',
  })
  const stack = stackEnv()
  const executorArgs =
    options.executor === 'docker'
      ? [
          ...['--pull-policy', 'if-not-present', '--network', 'host', '--helper-image', stack.E2E_BASE_IMAGE],
          ...['--volume', `${stack.E2E_CA_FILE}:${stack.E2E_CA_FILE}:ro`],
          ...['--extra-host', `${stack.E2E_REGISTRY.split(':')[0]}:${stack.E2E_REGISTRY_ADDRESS}`],
        ]
      : ['--force-shell-executor']
  const args = [
    ...(options.preview ? ['--preview'] : executorArgs),
    '--no-color',
    '--concurrency',
    '1',
    '--file',
    prepared.file,
    '--ignore-predefined-vars',
    Object.keys(variables).join(','),
    ...Object.entries(variables).flatMap(([key, value]) => ['--variable', `${key}=${value}`]),
    ...unset.flatMap((key) => ['--unset-variable', key]),
    ...(options.jobs ?? []),
  ]
  const env = {
    ...process.env,
    PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}`,
    GCL_MAX_JOB_NAME_PADDING: '0',
  }
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
    const child = spawn(gitlabCiLocal, args, { cwd: workspace.dir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: text }))
  })
  const state = join(workspace.dir, '.gitlab-ci-local')
  const jobLog = (job: string) => {
    const file = join(state, 'output', `${safeJobName(job)}.log`)
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }
  const dotenv = (job: string) => {
    const dir = join(state, 'artifacts', safeJobName(job), '.gitlab-ci-reports/dotenv')
    const values: Record<string, string> = {}
    if (!existsSync(dir)) return values
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        const cut = line.indexOf('=')
        if (cut > 0) values[line.slice(0, cut)] = line.slice(cut + 1)
      }
    }
    return values
  }
  const status = (job: string) => {
    const escaped = job.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    if (new RegExp(`^ PASS +${escaped}\\s*$`, 'm').test(output)) return 'passed' as const
    if (new RegExp(`^ (FAIL|WARN) +${escaped}\\s*$`, 'm').test(output)) return 'failed' as const
    return 'not run' as const
  }
  const logsDir = join(state, 'output')
  const allLogs = existsSync(logsDir)
    ? readdirSync(logsDir).map((file) => readFileSync(join(logsDir, file), 'utf8'))
    : []
  return { exitCode, output, jobLog, status, dotenv, allText: [output, ...allLogs].join('\n'), prepared }
}

/** For failure messages: the tail of the run's output. */
export const tail = (result: RunResult, lines = 60) => result.output.split('\n').slice(-lines).join('\n')
