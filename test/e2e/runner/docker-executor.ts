// Runs one job the way GitLab Runner's docker executor does, on the stack's Docker Engine:
// - services start first, as sibling containers on the default bridge, linked into the job container under
//   their aliases (`docker` for Docker-in-Docker), with the job's variables, privileged only when the runner
//   configuration says services are (`services_privileged`); the runner waits for their exposed ports;
// - the job container runs the job's image with its entrypoint (or the one the job sets), the job's variables in
//   its environment exactly as given, the project checked out at /builds/<project path> (world-writable, as the
//   runner's default umask makes it), file variables in /builds/<project path>.tmp, the runner's `volumes`
//   (a fresh volume per job for a bare path such as /certs/client, shared with the services);
// - after_script runs in a second container of the same image, with CI_JOB_STATUS;
// - dotenv reports are read from the project directory afterwards.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { DETECT_SHELL, jobScript } from './job-script.js'
import { parseDotenv } from './variables.js'

export interface RunnerConfig {
  /** Environment for the docker CLI (DOCKER_HOST, PATH). */
  dockerEnv: NodeJS.ProcessEnv
  /** `privileged` for job containers. */
  privileged: boolean
  /** `services_privileged`. */
  servicesPrivileged: boolean
  capAdd: string[]
  securityOpt: string[]
  /**
   * Not a GitLab Runner setting: job containers without masked or read-only /proc and /sys paths, as
   * `docker run --security-opt systempaths=unconfined` makes them. The docker CLI turns that option into empty
   * MaskedPaths and ReadonlyPaths; the Engine API refuses it as a security option, and GitLab Runner passes
   * `security_opt` to the Engine API as it is.
   */
  unmaskedSystemPaths: boolean
  /** config.toml `volumes`: a bare container path is a fresh volume per job; `host:container[:mode]` a bind. */
  volumes: string[]
  /**
   * Binds for service containers only (not a GitLab Runner setting): the stack's registry CA for daemons inside
   * services, so that job containers trust the registry only through what the components themselves configure.
   */
  serviceVolumes: string[]
  /** How long services get to open their ports (the runner's default: 30 s). */
  serviceWaitSeconds: number
  jobTimeoutSeconds: number
  /** The runner's tags: it picks up jobs whose tags are all among them. */
  tags: string[]
  /** `run_untagged`: it also picks up jobs without tags. */
  runUntagged: boolean
}

export interface ServiceSpec {
  image: string
  entrypoint?: string[]
  command?: string[]
  aliases: string[]
  env: Record<string, string>
}

export interface JobSpec {
  /** Unique per run: container and volume names start with it. */
  id: string
  name: string
  image: string
  entrypoint?: string[]
  services: ServiceSpec[]
  env: Record<string, string>
  /** File variables: name → content, written to <projectDir>.tmp/<name> (env already points there). */
  files: Record<string, string>
  commands: string[]
  afterCommands: string[]
  dotenvReports: string[]
  /** Host directory holding the checked-out project (mounted at projectDir). */
  hostProjectDir: string
  projectDir: string
}

export interface JobOutcome {
  exitCode: number
  log: string
  dotenv: Record<string, string>
  /** Why a dotenv report was ignored, if one was. */
  dotenvError?: string
}

interface Spawned {
  exitCode: number
  output: string
}

function docker(
  config: RunnerConfig,
  args: string[],
  options: { input?: string; timeoutSeconds?: number } = {},
): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, {
      env: config.dockerEnv,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const timer =
      options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            output += `\nERROR: Job failed: execution took longer than ${options.timeoutSeconds} seconds\n`
            child.kill('SIGKILL')
          }, options.timeoutSeconds * 1000)
    child.on('error', reject)
    child.on('close', (code) => {
      if (timer) clearTimeout(timer)
      resolve({ exitCode: code ?? 1, output })
    })
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

async function mustDocker(
  config: RunnerConfig,
  args: string[],
  options?: Parameters<typeof docker>[2],
): Promise<string> {
  const result = await docker(config, args, options)
  if (result.exitCode !== 0)
    throw new Error(`docker ${args.slice(0, 2).join(' ')} failed: ${result.output.trim()}`)
  return result.output.trim()
}

/**
 * Creates a container through the Engine API rather than `docker create`: the job's variables go into the
 * container's environment byte for byte (multi-line PEM keys included), and none of them (DOCKER_HOST,
 * DOCKER_TLS_VERIFY, … which a Docker-in-Docker job sets for itself) can reach the docker CLI that runs the job.
 */
function createContainer(config: RunnerConfig, name: string, body: Record<string, unknown>): Promise<void> {
  const socketPath = (config.dockerEnv.DOCKER_HOST ?? '').replace(/^unix:\/\//, '')
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        socketPath,
        method: 'POST',
        path: `/v1.44/containers/create?name=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString()
        })
        response.on('end', () => {
          if (response.statusCode === 201) resolve()
          else reject(new Error(`creating ${name} failed (${response.statusCode}): ${text.trim()}`))
        })
      },
    )
    request.on('error', reject)
    request.end(payload)
  })
}

const environment = (env: Record<string, string>) =>
  Object.entries(env).map(([key, value]) => `${key}=${value}`)

async function waitForPorts(config: RunnerConfig, container: string, log: string[]): Promise<void> {
  const inspect = JSON.parse(await mustDocker(config, ['inspect', container])) as {
    Config: { ExposedPorts?: Record<string, unknown> }
    NetworkSettings: { IPAddress?: string; Networks?: Record<string, { IPAddress?: string }> }
  }[]
  const details = inspect[0]
  const address =
    details?.NetworkSettings.IPAddress || Object.values(details?.NetworkSettings.Networks ?? {})[0]?.IPAddress
  const ports = Object.keys(details?.Config.ExposedPorts ?? {})
    .filter((port) => port.endsWith('/tcp'))
    .map((port) => Number.parseInt(port, 10))
  if (!address || ports.length === 0) return
  const deadline = Date.now() + config.serviceWaitSeconds * 1000
  const open = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host: address, port, timeout: 500 })
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(false)
      })
    })
  while (Date.now() < deadline) {
    const states = await Promise.all(ports.map(open))
    // The runner's health check passes when any exposed port accepts connections.
    if (states.some(Boolean)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  log.push(
    `*** WARNING: Service ${container} probably didn't start properly (no port of ${ports.join(', ')} open after ${config.serviceWaitSeconds}s)`,
  )
}

export async function runJob(config: RunnerConfig, spec: JobSpec): Promise<JobOutcome> {
  const log: string[] = []
  const created: string[] = []
  const volumes: string[] = []
  const tmpDir = `${spec.hostProjectDir}.tmp`
  try {
    mkdirSync(tmpDir, { recursive: true, mode: 0o777 })
    for (const [name, content] of Object.entries(spec.files))
      writeFileSync(join(tmpDir, name), content, { mode: 0o644 })
    const projectMounts = [`${spec.hostProjectDir}:${spec.projectDir}`, `${tmpDir}:${spec.projectDir}.tmp`]
    const sharedMounts: string[] = []
    for (const [index, volume] of config.volumes.entries()) {
      if (volume.includes(':')) {
        sharedMounts.push(volume)
      } else {
        const name = `${spec.id}-volume-${index}`
        await mustDocker(config, ['volume', 'create', name])
        volumes.push(name)
        sharedMounts.push(`${name}:${volume}`)
      }
    }
    const links: string[] = []
    for (const [index, service] of spec.services.entries()) {
      const name = `${spec.id}-service-${index}`
      log.push(`Starting service ${service.image} ...`)
      await createContainer(config, name, {
        Image: service.image,
        Env: environment(service.env),
        ...(service.entrypoint ? { Entrypoint: service.entrypoint } : {}),
        ...(service.command ? { Cmd: service.command } : {}),
        HostConfig: {
          Privileged: config.servicesPrivileged,
          Binds: [...sharedMounts, ...config.serviceVolumes],
        },
      })
      created.push(name)
      await mustDocker(config, ['start', name])
      for (const alias of service.aliases) links.push(`${name}:${alias}`)
      await waitForPorts(config, name, log)
    }
    const run = async (suffix: string, commands: string[], extraEnv: Record<string, string>) => {
      const name = `${spec.id}-${suffix}`
      await createContainer(config, name, {
        Image: spec.image,
        Env: environment({ ...spec.env, ...extraEnv }),
        // As the runner passes it: `['']` clears the image's entrypoint, anything else replaces it.
        ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
        Cmd: ['sh', '-c', DETECT_SHELL],
        OpenStdin: true,
        StdinOnce: true,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        HostConfig: {
          Privileged: config.privileged,
          CapAdd: config.capAdd,
          SecurityOpt: config.securityOpt,
          ...(config.unmaskedSystemPaths ? { MaskedPaths: [], ReadonlyPaths: [] } : {}),
          Binds: [...projectMounts, ...sharedMounts],
          Links: links,
        },
      })
      created.push(name)
      return docker(config, ['start', '--attach', '--interactive', name], {
        input: jobScript(commands, spec.projectDir),
        timeoutSeconds: config.jobTimeoutSeconds,
      })
    }
    log.push(`Using docker image ${spec.image} for job ${spec.name}`)
    const main = await run('job', spec.commands, {})
    log.push(main.output)
    if (spec.afterCommands.length > 0) {
      log.push('Running after_script')
      const after = await run('after-script', spec.afterCommands, {
        CI_JOB_STATUS: main.exitCode === 0 ? 'success' : 'failed',
      })
      log.push(after.output)
    }
    log.push(main.exitCode === 0 ? 'Job succeeded' : `ERROR: Job failed: exit code ${main.exitCode}`)
    if (main.exitCode !== 0) {
      for (const index of spec.services.keys()) {
        const logs = await docker(config, ['logs', '--tail', '40', `${spec.id}-service-${index}`])
        log.push(`--- service ${spec.services[index]?.image} (last lines)\n${logs.output}`)
      }
    }
    let dotenv: Record<string, string> = {}
    let dotenvError: string | undefined
    for (const report of spec.dotenvReports) {
      let text: string
      try {
        text = readFileSync(join(spec.hostProjectDir, report), 'utf8')
      } catch {
        continue
      }
      const parsed = parseDotenv(text)
      if (parsed.ok) dotenv = { ...dotenv, ...parsed.variables }
      else dotenvError = parsed.error
    }
    return { exitCode: main.exitCode, log: log.join('\n'), dotenv, ...(dotenvError ? { dotenvError } : {}) }
  } finally {
    for (const name of created.reverse()) await docker(config, ['rm', '--force', '--volumes', name])
    for (const volume of volumes) await docker(config, ['volume', 'rm', '--force', volume])
    if (process.env.E2E_KEEP !== '1') rmSync(tmpDir, { recursive: true, force: true })
  }
}
