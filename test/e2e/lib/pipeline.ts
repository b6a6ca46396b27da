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
}

export interface RunResult {
  exitCode: number
  /** gitlab-ci-local's own output, all jobs interleaved. */
  output: string
  /** Each job's log as gitlab-ci-local recorded it. */
  jobLogs: Record<string, string>
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
    SSL_CERT_FILE: stack.E2E_CA_BUNDLE,
    // Scenario files default to public base images for GitLab; here the base is made locally.
    BASE_IMAGE: stack.E2E_BASE_IMAGE,
  }
}

const gitlabCiLocal = join(repoRoot, 'node_modules/.bin/gitlab-ci-local')

export async function runPipeline(workspace: Workspace, options: RunOptions): Promise<RunResult> {
  const variables = { ...ciVariables(workspace, options.ref), ...options.variables }
  const unset = options.ref && 'tag' in options.ref ? ['CI_COMMIT_BRANCH'] : ['CI_COMMIT_TAG']
  const prepared = await prepareScenario(workspace, options.scenario, {
    variables,
    inputOverrides: options.inputOverrides ?? {},
  })
  const args = [
    '--force-shell-executor',
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
  const stack = stackEnv()
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
  const outputDir = join(workspace.dir, '.gitlab-ci-local/output')
  const jobLogs: Record<string, string> = {}
  if (existsSync(outputDir)) {
    for (const name of readdirSync(outputDir).filter((file) => file.endsWith('.log'))) {
      jobLogs[name.replace(/\.log$/, '')] = readFileSync(join(outputDir, name), 'utf8')
    }
  }
  return { exitCode, output, jobLogs, allText: [output, ...Object.values(jobLogs)].join('\n'), prepared }
}

/** For failure messages: the tail of the run's output. */
export const tail = (result: RunResult, lines = 60) => result.output.split('\n').slice(-lines).join('\n')
