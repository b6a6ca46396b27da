// The local build stack's steps: install, configure, start, stop. Each step checks before it creates, so `up`
// is idempotent and fast when everything already runs. Daemons are started detached, their pids recorded under
// RUN_DIR, and stopped by those pids only.
import { spawn } from 'node:child_process'
import { Resolver } from 'node:dns/promises'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { $, expBackoff, fs, retry } from 'zx'
import { unpackDebianPackages } from './debian-apt.js'
import { buildGoTools, goBinary, goModuleDir } from './go-tools.js'
import { buildLocalImages, LOCAL_PREFIX, type LocalImages, localImageTags } from './stack-images.js'
import {
  ADDRESS_POOL,
  aptPackages,
  BASE_IMAGE,
  BIN_DIR,
  BRIDGE_CIDR,
  BRIDGE_GATEWAY,
  type Daemon,
  DNS_ADDRESS,
  daemons,
  MIRROR_PREFIX,
  MULTIARCH_BASE_IMAGE,
  PATH_PREPEND,
  POSTGRES_PORT,
  PREFIX,
  PROXY_PORT,
  PROXY_TARGET_PORT,
  paths,
  REGISTRY,
  REGISTRY_ADDRESS,
  REGISTRY_GATEWAY,
  REGISTRY_HOST,
  REGISTRY_NETNS,
  REGISTRY_PORT,
  REGISTRY_USER,
  REGISTRY_VETH_HOST,
  REGISTRY_VETH_NETNS,
  REKOR_HOST,
  REKOR_PORT,
  REKOR_URL,
  REKOR_V1_PORT,
  REKOR_V1_URL,
  RUN_DIR,
  STATE,
  TEST_HOSTS,
  TRILLIAN_LOG_SERVER,
  TRILLIAN_LOG_SIGNER,
  UNREACHABLE_REGISTRY,
} from './stack-layout.js'
import { debianSource, goTool } from './tool-versions.js'

$.verbose = false
$.quiet = true
const say = (line: string) => process.stdout.write(`${line}\n`)

const stackPath = `${PATH_PREPEND}:${process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin'}`
const dockerEnv = () => ({
  ...process.env,
  PATH: stackPath,
  DOCKER_HOST: `unix://${paths.dockerSocket}`,
  DOCKER_CONFIG: paths.clientConfig,
})

async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const result = await step()
  say(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return result
}

// ---------------------------------------------------------------- packages and programs

async function missingAptPackages(): Promise<string[]> {
  const format = ['$', '{Package} $', '{db:Status-Status}\n'].join('') // dpkg-query's own ${field} syntax
  const out = await $`dpkg-query -W -f=${format} ${aptPackages}`.nothrow()
  const installed = new Set(
    out.stdout
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  )
  return aptPackages.filter((name) => !installed.has(name))
}

export async function installAptPackages(): Promise<void> {
  const missing = await missingAptPackages()
  if (missing.length === 0) return
  say(`  apt: installing ${missing.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  await $({ env })`apt-get update -qq`
  // Debian starts packaged daemons (tinyproxy) on install; the stack runs its own, so forbid service starts.
  const policy = '/usr/sbin/policy-rc.d'
  const hadPolicy = existsSync(policy)
  if (!hadPolicy) await fs.writeFile(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 })
  try {
    await $({ env })`apt-get install -y -qq --no-install-recommends ${missing}`
  } finally {
    if (!hadPolicy) await fs.remove(policy)
  }
}

/** The host's programs, linked into BIN_DIR: the engine the stack's daemon runs is the one the dind image carries. */
async function linkHostPrograms(): Promise<void> {
  const engine = goTool('docker-engine')
  const containerd = goTool('containerd')
  const dockerCli = await unpackDebianPackages(
    'docker-cli',
    debianSource('docker-cli').suite,
    debianSource('docker-cli').packages,
  )
  const tini = await unpackDebianPackages('tini', debianSource('tini').suite, debianSource('tini').packages)
  const links: Record<string, string> = {
    docker: `${dockerCli}/usr/bin/docker`,
    dockerd: goBinary(engine, 'dockerd'),
    'docker-proxy': goBinary(engine, 'docker-proxy'),
    containerd: goBinary(containerd, 'containerd'),
    'containerd-shim-runc-v2': goBinary(containerd, 'containerd-shim-runc-v2'),
    runc: goBinary(goTool('runc'), 'runc'),
    'docker-init': `${tini}/usr/bin/tini-static`,
    buildctl: goBinary(goTool('buildkit'), 'buildctl'),
    cosign: goBinary(goTool('cosign'), 'cosign'),
    'cosign-v2': goBinary(goTool('cosign-v2'), 'cosign'),
  }
  await fs.ensureDir(BIN_DIR)
  for (const [name, target] of Object.entries(links)) {
    if (!existsSync(target)) throw new Error(`missing ${target} for ${BIN_DIR}/${name}`)
    const link = `${BIN_DIR}/${name}`
    if ((await fs.readlink(link).catch(() => '')) === target) continue
    await fs.remove(link)
    await fs.symlink(target, link)
  }
  // buildx is a CLI plugin: link it where every docker client looks, whatever DOCKER_CONFIG a job sets.
  const plugin = `${paths.cliPluginsDir}/docker-buildx`
  const buildx = goBinary(goTool('buildx'), 'buildx')
  if ((await fs.readlink(plugin).catch(() => '')) !== buildx) {
    await fs.ensureDir(paths.cliPluginsDir)
    await fs.remove(plugin)
    await fs.symlink(buildx, plugin)
  }
}

// ---------------------------------------------------------------- configuration

/** The registry's network namespace and veth pair, rebuilt whole when any part is missing. */
async function ensureRegistryNetns(): Promise<void> {
  // Older stacks put the registry address on `lo`; that address would shadow the veth pair.
  const onLo = (await $`ip -o addr show dev lo`).stdout
  for (const address of [REGISTRY_GATEWAY, REGISTRY_ADDRESS]) {
    if (onLo.includes(` ${address}/`)) await $`ip addr del ${`${address}/32`} dev lo`
  }
  const inside = await $`ip -n ${REGISTRY_NETNS} -o addr show dev ${REGISTRY_VETH_NETNS}`.nothrow()
  const outside = await $`ip -o addr show dev ${REGISTRY_VETH_HOST}`.nothrow()
  if (
    inside.ok &&
    inside.stdout.includes(` ${REGISTRY_ADDRESS}/`) &&
    outside.stdout.includes(` ${REGISTRY_GATEWAY}/`)
  ) {
    return
  }
  await removeRegistryNetns()
  await $`ip netns add ${REGISTRY_NETNS}`
  await $`ip link add ${REGISTRY_VETH_HOST} type veth peer name ${REGISTRY_VETH_NETNS} netns ${REGISTRY_NETNS}`
  await $`ip addr add ${`${REGISTRY_GATEWAY}/30`} dev ${REGISTRY_VETH_HOST}`
  await $`ip link set ${REGISTRY_VETH_HOST} up`
  await $`ip -n ${REGISTRY_NETNS} link set lo up`
  await $`ip -n ${REGISTRY_NETNS} addr add ${`${REGISTRY_ADDRESS}/30`} dev ${REGISTRY_VETH_NETNS}`
  await $`ip -n ${REGISTRY_NETNS} link set ${REGISTRY_VETH_NETNS} up`
  await $`ip -n ${REGISTRY_NETNS} route add default via ${REGISTRY_GATEWAY}`
}

/** Deleting the namespace deletes its end of the veth pair, and with it the host's end. */
async function removeRegistryNetns(): Promise<boolean> {
  const exists = (await $`ip netns list`).stdout
    .split('\n')
    .some((line) => line.split(' ')[0] === REGISTRY_NETNS)
  if (exists) await $`ip netns delete ${REGISTRY_NETNS}`
  await $`ip link delete ${REGISTRY_VETH_HOST}`.nothrow()
  return exists
}

async function ensureHostsEntry(): Promise<void> {
  const hosts: string = await fs.readFile('/etc/hosts', 'utf8')
  const wanted = `${REGISTRY_ADDRESS} ${TEST_HOSTS.join(' ')}`
  const lines = hosts.split('\n')
  if (lines.includes(wanted)) return
  const names = TEST_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')
  const others = lines.filter((line) => !new RegExp(`\\s(${names})(\\s|$)`).test(line))
  await fs.writeFile('/etc/hosts', `${others.join('\n').replace(/\n*$/, '\n')}${wanted}\n`)
}

/**
 * The local Rekors' signing keys (made once), and what cosign needs to use them: a signing config naming the
 * Rekor v2 URL, for cosign 3's bundles, and a trusted root holding both logs' public keys, both written by the
 * stack's own cosign. cosign 2 reads no trusted root for legacy signatures: it takes the Rekor v1 key as a PEM file.
 */
async function ensureSigstoreFiles(): Promise<void> {
  await fs.ensureDir(paths.rekorStorage)
  if (!existsSync(paths.rekorKey)) await $`openssl genpkey -algorithm ed25519 -out ${paths.rekorKey}`
  await $`openssl pkey -in ${paths.rekorKey} -pubout -out ${paths.rekorPublicKey}`
  await fs.ensureDir(dirname(paths.rekorV1Key))
  if (!existsSync(paths.rekorV1Key)) {
    await $`openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ${paths.rekorV1Key}`
  }
  await $`openssl pkey -in ${paths.rekorV1Key} -pubout -out ${paths.rekorV1PublicKey}`
  const since = 'start-time=2026-01-01T00:00:00Z'
  if (!existsSync(paths.signingConfig)) {
    await $`${BIN_DIR}/cosign signing-config create ${`--rekor=url=${REKOR_URL},api-version=2,${since},operator=catalog-e2e`} --rekor-config=ANY --out ${paths.signingConfig}`
  }
  // A Rekor v1 log's ID is its key's hash, where a Rekor v2 log's comes from its origin (the checkpoint's name).
  await $`${BIN_DIR}/cosign trusted-root create ${[
    `--rekor=url=${REKOR_URL},public-key=${paths.rekorPublicKey},${since},origin=${REKOR_HOST}`,
    `--rekor=url=${REKOR_V1_URL},public-key=${paths.rekorV1PublicKey},${since}`,
  ]} --out ${`${paths.trustedRoot}.new`}`
  await fs.move(`${paths.trustedRoot}.new`, paths.trustedRoot, { overwrite: true })
}

async function ensurePki(): Promise<void> {
  // STATE first, with the default mode: ensureDir gives every directory it makes the mode asked for, and
  // PostgreSQL, which runs as its own user, must pass through STATE to its cluster.
  await fs.ensureDir(STATE)
  await fs.ensureDir(paths.pki, 0o700)
  if (!existsSync(paths.caCert)) {
    await $`openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj ${'/CN=catalog e2e CA'} -keyout ${paths.caKey} -out ${paths.caCert}`
    await fs.remove(paths.serverCert)
  }
  const san = `subjectAltName=DNS:${REGISTRY_HOST},IP:${REGISTRY_ADDRESS},IP:127.0.0.1`
  const sanFile = `${paths.pki}/server.san`
  if ((await fs.readFile(sanFile, 'utf8').catch(() => '')) !== san) await fs.remove(paths.serverCert)
  if (!existsSync(paths.serverCert)) {
    const csr = `${paths.pki}/server.csr`
    const ext = `${paths.pki}/server.ext`
    await fs.writeFile(ext, `${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`)
    await $`openssl req -newkey rsa:2048 -nodes -subj ${`/CN=${REGISTRY_HOST}`} -keyout ${paths.serverKey} -out ${csr}`
    await $`openssl x509 -req -in ${csr} -CA ${paths.caCert} -CAkey ${paths.caKey} -CAcreateserial -days 3650 -extfile ${ext} -out ${paths.serverCert}`
    await fs.writeFile(sanFile, san)
  }
  const ca = await fs.readFile(paths.caCert, 'utf8')
  const system = await fs.readFile('/etc/ssl/certs/ca-certificates.crt', 'utf8').catch(() => '')
  await fs.writeFile(paths.caBundle, `${system}\n${ca}`)
  // Each client's own trust location for this registry, not the system store: the stack proves the
  // custom-CA paths, it does not make every tool trust the CA silently.
  for (const dir of [paths.dockerCertsDir, paths.containersCertsDir]) {
    await fs.ensureDir(dir)
    await fs.copyFile(paths.caCert, `${dir}/ca.crt`)
  }
}

export function registryPassword(): string {
  return readFileSync(paths.registryPassword, 'utf8').trim()
}

async function ensureRegistryConfig(): Promise<void> {
  await fs.ensureDir(paths.registryData)
  if (!existsSync(paths.registryPassword)) {
    const password = (await $`openssl rand -hex 16`).stdout.trim()
    await fs.writeFile(paths.registryPassword, `${password}\n`, { mode: 0o600 })
    await fs.remove(paths.htpasswd)
  }
  if (!existsSync(paths.htpasswd)) {
    const line = await $({ input: registryPassword() })`htpasswd -niB ${REGISTRY_USER}`
    await fs.writeFile(paths.htpasswd, `${line.stdout.trim()}\n`, { mode: 0o600 })
  }
  await fs.writeFile(
    paths.registryConfig,
    [
      'version: 0.1',
      'log: { level: info }',
      'storage:',
      `  filesystem: { rootdirectory: ${paths.registryData} }`,
      '  delete: { enabled: true }',
      'http:',
      `  addr: ${REGISTRY_ADDRESS}:${REGISTRY_PORT}`,
      `  tls: { certificate: ${paths.serverCert}, key: ${paths.serverKey} }`,
      'auth:',
      `  htpasswd: { realm: catalog-e2e, path: ${paths.htpasswd} }`,
      '',
    ].join('\n'),
  )
}

async function ensureDockerdConfig(): Promise<void> {
  await fs.ensureDir(paths.dockerDataRoot)
  await fs.writeJson(
    paths.dockerConfigFile,
    {
      // Docker 29's default for a fresh install, stated so an older data root cannot switch it back.
      features: { 'containerd-snapshotter': true },
      'data-root': paths.dockerDataRoot,
      'exec-root': paths.dockerExecRoot,
      // Its own pidfile: ours records the process we spawned, and dockerd refuses a pidfile naming a live pid.
      pidfile: `${RUN_DIR}/dockerd.self.pid`,
      hosts: [`unix://${paths.dockerSocket}`],
      bip: BRIDGE_CIDR,
      'default-address-pools': [{ base: ADDRESS_POOL, size: 24 }],
      // Containers, and the containers of a Docker-in-Docker service (its daemon copies this resolver),
      // resolve names with the test network's DNS: the registry by name, nothing outside.
      dns: [DNS_ADDRESS],
    },
    { spaces: 2 },
  )
}

async function ensureTinyproxyConfig(): Promise<void> {
  await fs.writeFile(
    paths.tinyproxyConfig,
    [
      'User nobody',
      'Group nogroup',
      `Port ${PROXY_PORT}`,
      // All addresses, so build containers on a bridge reach it through their gateway; Allow limits clients.
      'Timeout 120',
      'LogLevel Info',
      'MaxClients 50',
      'Allow 127.0.0.0/8',
      'Allow 10.0.0.0/8',
      'Allow 172.16.0.0/12',
      'Allow 192.168.0.0/16',
      'ViaProxyName "catalog-e2e-proxy"',
      '',
    ].join('\n'),
  )
}

// ---------------------------------------------------------------- daemons

function pidOf(daemon: Daemon): number | undefined {
  const file = paths.pid(daemon)
  if (!existsSync(file)) return undefined
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10)
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
    return pid
  } catch {
    return undefined
  }
}

async function startDetached(
  daemon: Daemon,
  command: string,
  args: string[],
  env = process.env,
): Promise<void> {
  await fs.ensureDir(paths.logs)
  await fs.ensureDir(RUN_DIR)
  const log = openSync(paths.log(daemon), 'a')
  const child = spawn(command, args, { detached: true, stdio: ['ignore', log, log], env })
  closeSync(log)
  if (child.pid === undefined) throw new Error(`could not start ${daemon}: ${command}`)
  child.unref()
  await fs.writeFile(paths.pid(daemon), `${child.pid}\n`)
}

async function waitFor(daemon: Daemon, probe: () => Promise<boolean>): Promise<void> {
  await retry(30, expBackoff('2s', '100ms'), async () => {
    if (pidOf(daemon) === undefined) {
      const tail = await fs.readFile(paths.log(daemon), 'utf8').catch(() => '')
      throw new Error(`${daemon} exited; last log lines:\n${tail.split('\n').slice(-15).join('\n')}`)
    }
    if (!(await probe())) throw new Error(`${daemon} not ready yet`)
  }).catch((error: unknown) => {
    throw new Error(`${daemon} did not become ready (log: ${paths.log(daemon)})\n${String(error)}`)
  })
}

const registryAnswers = async () => {
  const out =
    await $`curl -s -o /dev/null -w ${'%{http_code}'} --cacert ${paths.caCert} ${`https://${REGISTRY}/v2/`}`.nothrow()
  return out.stdout.trim() === '401'
}
// `docker info` exits 0 without a daemon; `docker version` does not.
const dockerAnswers = async () =>
  (await $({ env: dockerEnv() })`docker version --format ${'{{.Server.Version}}'}`.nothrow()).ok
const dnsAnswers = async () => {
  const resolver = new Resolver({ timeout: 1000, tries: 1 })
  resolver.setServers([DNS_ADDRESS])
  for (const host of TEST_HOSTS) {
    const addresses: string[] = await resolver.resolve4(host).catch(() => [])
    if (!addresses.includes(REGISTRY_ADDRESS)) return false
  }
  return true
}
// A POST without a body is a client error: the server is up.
const rekorAnswers = async () =>
  (
    await $`curl -s -o /dev/null -w ${'%{http_code}'} -X POST ${`${REKOR_URL}/api/v2/log/entries`}`.nothrow()
  ).stdout
    .trim()
    .startsWith('4')
// Trillian's processes and PostgreSQL listen on the test host's own loopback or a socket: asked from inside.
const insideTestHost = (command: string[]) => ['ip', 'netns', 'exec', REGISTRY_NETNS, ...command]
/** `ip netns exec` execs the program in place, so the recorded pid is the daemon's own. */
const startInsideTestHost = (daemon: Daemon, program: string, args: string[]) =>
  startDetached(daemon, 'ip', ['netns', 'exec', REGISTRY_NETNS, program, ...args])
const healthz = (port: number) => async () =>
  (
    await $`${insideTestHost(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/healthz`])}`.nothrow()
  ).stdout.trim() === '200'
const postgresAnswers = async () =>
  (await $`${POSTGRES_BIN}/pg_isready -q -h ${paths.postgresSocketDir} -p ${POSTGRES_PORT}`.nothrow()).ok
// Rekor v1 answers its log info only when its Trillian tree does.
const rekorV1Answers = async () =>
  (await $`curl -s -f -o /dev/null ${`${REKOR_V1_URL}/api/v1/log`}`.nothrow()).ok
const proxyAnswers = async () =>
  (await $`curl -s -o /dev/null ${`http://127.0.0.1:${PROXY_PORT}/`}`.nothrow()).ok
const targetAnswers = async () =>
  (await $`curl -s -o /dev/null ${`http://127.0.0.1:${PROXY_TARGET_PORT}/`}`.nothrow()).ok

async function ensureRunning(
  daemon: Daemon,
  probe: () => Promise<boolean>,
  start: () => Promise<void>,
): Promise<void> {
  if (pidOf(daemon) !== undefined && (await probe())) return
  if (pidOf(daemon) !== undefined) await stopDaemon(daemon)
  await start()
  await waitFor(daemon, probe)
}

async function stopDaemon(daemon: Daemon): Promise<boolean> {
  const pid = pidOf(daemon)
  if (pid === undefined) {
    await fs.remove(paths.pid(daemon))
    return false
  }
  process.kill(pid, 'SIGTERM')
  for (let waited = 0; waited < 150; waited++) {
    if (pidOf(daemon) === undefined) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (pidOf(daemon) !== undefined) process.kill(pid, 'SIGKILL')
  await fs.remove(paths.pid(daemon))
  return true
}

// ---------------------------------------------------------------- Rekor v1 and its Trillian log

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin'
/** PostgreSQL refuses to run as root; setpriv execs in place, so the recorded pid is the server's own. */
const asPostgres = ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--']
const TRILLIAN_DATABASE = 'trillian'
const postgresUri = `postgresql:///${TRILLIAN_DATABASE}?host=${paths.postgresSocketDir}&port=${POSTGRES_PORT}&user=postgres`
const trillianFlags = [
  '--storage_system=postgresql',
  `--postgresql_uri=${postgresUri}`,
  '--quota_system=noop',
]
const psql = (database: string) => [
  `${POSTGRES_BIN}/psql`,
  ...['-h', paths.postgresSocketDir, '-p', String(POSTGRES_PORT), '-U', 'postgres', '-d', database],
  ...['-v', 'ON_ERROR_STOP=1', '-q', '-t', '-A'],
]

/** A database cluster of the stack's own (not Debian's `main`), made whole or not at all. */
async function ensurePostgresCluster(): Promise<void> {
  // initdb and the server run as postgres: the directories above the cluster must let it pass (older stacks
  // made STATE 0700).
  await fs.ensureDir(dirname(paths.postgresData))
  for (const dir of [STATE, dirname(paths.postgresData)]) {
    await fs.chmod(dir, (await fs.stat(dir)).mode | 0o001)
  }
  if (existsSync(`${paths.postgresData}/PG_VERSION`)) return
  const staging = `${paths.postgresData}.partial`
  await fs.remove(staging)
  await fs.ensureDir(staging, 0o700)
  await $`chown postgres:postgres ${staging}`
  await $`${asPostgres} ${POSTGRES_BIN}/initdb --pgdata ${staging} --auth=trust --username=postgres --encoding=UTF8 --no-instructions`
  // A new cluster has no tree: the old tree ID must not outlive it.
  await fs.remove(paths.trillianTreeId)
  await fs.move(staging, paths.postgresData)
}

/** Trillian's database with its schema (the one the pinned module ships), made under another name and renamed when complete. */
async function ensureTrillianDatabase(): Promise<void> {
  const listed =
    await $`${psql('postgres')} -c ${`SELECT 1 FROM pg_database WHERE datname = '${TRILLIAN_DATABASE}'`}`
  if (listed.stdout.trim() === '1') return
  const building = `${TRILLIAN_DATABASE}_partial`
  const schema = `${await goModuleDir(goTool('trillian'))}/storage/postgresql/schema/storage.sql`
  await $`${psql('postgres')} -c ${`DROP DATABASE IF EXISTS ${building}`}`
  await $`${psql('postgres')} -c ${`CREATE DATABASE ${building}`}`
  await $`${psql(building)} -1 -f ${schema}`
  await $`${psql('postgres')} -c ${`ALTER DATABASE ${building} RENAME TO ${TRILLIAN_DATABASE}`}`
  await fs.remove(paths.trillianTreeId)
}

/** The Trillian tree Rekor v1 writes to: made once, its ID kept for every later start. */
async function ensureTrillianTree(): Promise<string> {
  if (existsSync(paths.trillianTreeId)) return readFileSync(paths.trillianTreeId, 'utf8').trim()
  const created = await $`${insideTestHost([
    goBinary(goTool('trillian'), 'createtree'),
    `--admin_server=127.0.0.1:${TRILLIAN_LOG_SERVER.rpc}`,
    '--display_name=catalog-e2e-rekor-v1',
    // No new root without new entries: the tree changes only when the suite signs.
    '--max_root_duration=0',
  ])}`
  const treeId = created.stdout.trim()
  if (!/^\d+$/.test(treeId))
    throw new Error(`createtree printed no tree ID: ${created.stdout}${created.stderr}`)
  await fs.writeFile(paths.trillianTreeId, `${treeId}\n`)
  return treeId
}

async function startRekorV1(): Promise<void> {
  await ensurePostgresCluster()
  await ensureRunning('postgres', postgresAnswers, async () => {
    await fs.ensureDir(paths.postgresSocketDir)
    await $`chown postgres:postgres ${paths.postgresSocketDir}`
    await startDetached('postgres', asPostgres[0] as string, [
      ...asPostgres.slice(1),
      `${POSTGRES_BIN}/postgres`,
      ...['-D', paths.postgresData, '-p', String(POSTGRES_PORT)],
      // A socket only: nothing but the stack's own Trillian connects.
      ...['-c', 'listen_addresses=', '-c', `unix_socket_directories=${paths.postgresSocketDir}`],
    ])
  })
  await ensureTrillianDatabase()
  const trillian = goTool('trillian')
  await ensureRunning('trillian-log-server', healthz(TRILLIAN_LOG_SERVER.http), () =>
    startInsideTestHost('trillian-log-server', goBinary(trillian, 'trillian_log_server'), [
      ...trillianFlags,
      `--rpc_endpoint=127.0.0.1:${TRILLIAN_LOG_SERVER.rpc}`,
      `--http_endpoint=127.0.0.1:${TRILLIAN_LOG_SERVER.http}`,
    ]),
  )
  await ensureRunning('trillian-log-signer', healthz(TRILLIAN_LOG_SIGNER.http), () =>
    startInsideTestHost('trillian-log-signer', goBinary(trillian, 'trillian_log_signer'), [
      ...trillianFlags,
      // The only signer: no election.
      '--force_master',
      '--sequencer_interval=100ms',
      `--rpc_endpoint=127.0.0.1:${TRILLIAN_LOG_SIGNER.rpc}`,
      `--http_endpoint=127.0.0.1:${TRILLIAN_LOG_SIGNER.http}`,
    ]),
  )
  const treeId = await ensureTrillianTree()
  const endpoints = [
    'getLogInfo',
    'getPublicKey',
    'getLogProof',
    'createLogEntry',
    'getLogEntryByIndex',
    'getLogEntryByUUID',
    'searchLogQuery',
  ]
  await ensureRunning('rekor-v1', rekorV1Answers, () =>
    startInsideTestHost('rekor-v1', goBinary(goTool('rekor-v1'), 'rekor-server'), [
      'serve',
      '--log_type=prod',
      `--trillian_log_server.address=127.0.0.1`,
      `--trillian_log_server.port=${TRILLIAN_LOG_SERVER.rpc}`,
      `--trillian_log_server.tlog_id=${treeId}`,
      `--rekor_server.address=${REGISTRY_ADDRESS}`,
      `--port=${REKOR_V1_PORT}`,
      `--rekor_server.hostname=${REKOR_HOST}`,
      `--rekor_server.signer=${paths.rekorV1Key}`,
      // Every endpoint but the search index, which needs Redis; nothing here searches.
      '--enable_retrieve_api=false',
      `--enabled_api_endpoints=${endpoints.join(',')}`,
    ]),
  )
}

// ---------------------------------------------------------------- base image

/** The stack's own client login (docker, cosign, skopeo read it), written directly: no secret on a command line. */
async function ensureClientConfig(): Promise<void> {
  const auth = Buffer.from(`${REGISTRY_USER}:${registryPassword()}`).toString('base64')
  await fs.ensureDir(paths.clientConfig)
  await fs.writeFile(
    `${paths.clientConfig}/config.json`,
    `${JSON.stringify({ auths: { [REGISTRY]: { auth } } })}\n`,
    {
      mode: 0o600,
    },
  )
}

/**
 * The base image the sample Dockerfiles build FROM (`FROM scratch` + the stack's busybox), and the local images
 * a Docker-in-Docker daemon has to pull (the BuildKit image of buildx's docker-container builder), pushed to the
 * registry: a nested daemon sees only what a registry serves, as on GitLab.
 */
async function pushRegistryImages(images: LocalImages): Promise<void> {
  const env = dockerEnv()
  const creds = `${REGISTRY_USER}:${registryPassword()}`
  const mirrored = mirrorOf(images.buildkit)
  const local = (
    await $({ env })`docker image inspect --format ${'{{.Id}}'} ${images.buildkit}`
  ).stdout.trim()
  const pushed = await $({ env })`docker image inspect --format ${'{{.Id}}'} ${mirrored}`.nothrow()
  const inRegistry = await $`skopeo inspect --raw --creds ${creds} ${`docker://${mirrored}`}`.nothrow()
  if (!pushed.ok || pushed.stdout.trim() !== local || !inRegistry.ok) {
    await $({ env })`docker tag ${images.buildkit} ${mirrored}`
    await $({ env })`docker push --quiet ${mirrored}`
  }
  if ((await $`skopeo inspect --raw --creds ${creds} ${`docker://${BASE_IMAGE}`}`.nothrow()).ok) return
  const dir = await fs.mkdtemp('/tmp/catalog-e2e-base-')
  try {
    const busybox = JSON.parse(await fs.readFile(`${PREFIX}/busybox/built.json`, 'utf8')) as {
      binary: string
    }
    await fs.copyFile(busybox.binary, `${dir}/busybox`)
    await fs.writeFile(
      `${dir}/Dockerfile`,
      'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["/bin/sh"]\n',
    )
    await $({ env })`docker build --quiet -t ${BASE_IMAGE} ${dir}`
    await $({ env })`docker push --quiet ${BASE_IMAGE}`
  } finally {
    await fs.remove(dir)
  }
}

const fail = (message: string): never => {
  throw new Error(message)
}

/**
 * The multi-arch scenarios' base image (MULTIARCH_BASE_IMAGE): one OCI index with linux/amd64 and linux/arm64,
 * each Debian's busybox-static of that architecture in /bin with its applet links. The Dockerfile only copies
 * files (the stack's daemon builds it with buildx's `docker` driver), so the arm64 half runs nothing and needs
 * no emulation. Pushed once; the amd64 binary lists the applets of both (one Debian version, checked).
 */
async function pushMultiarchBaseImage(): Promise<void> {
  const creds = `${REGISTRY_USER}:${registryPassword()}`
  if ((await $`skopeo inspect --raw --creds ${creds} ${`docker://${MULTIARCH_BASE_IMAGE}`}`.nothrow()).ok)
    return
  const dir = await fs.mkdtemp('/tmp/catalog-e2e-multiarch-base-')
  try {
    const unpacked: Record<string, string> = {}
    for (const arch of ['amd64', 'arm64']) {
      const source = debianSource(`busybox-static-${arch}`)
      unpacked[arch] = await unpackDebianPackages(source.name, source.suite, source.packages, source.arch)
    }
    const versionOf = async (root: string) =>
      (await fs.readFile(`${root}/.packages`, 'utf8')).match(/^Version: (.+)$/m)?.[1] ?? ''
    const versions = await Promise.all(Object.values(unpacked).map(versionOf))
    if (new Set(versions).size !== 1)
      throw new Error(`busybox-static differs between architectures: ${versions.join(' / ')}`)
    const binaryIn = (root: string) =>
      [`${root}/usr/bin/busybox`, `${root}/bin/busybox`].find((path) => existsSync(path)) ??
      fail(`no busybox binary in ${root}`)
    const applets = (await $`${binaryIn(unpacked.amd64 as string)} --list`).stdout
      .split('\n')
      .filter((name) => /^[a-z0-9_.[-]+$/.test(name) && name !== 'busybox')
    for (const [arch, root] of Object.entries(unpacked)) {
      await fs.ensureDir(`${dir}/${arch}/bin`)
      await fs.copyFile(binaryIn(root), `${dir}/${arch}/bin/busybox`)
      await fs.chmod(`${dir}/${arch}/bin/busybox`, 0o755)
      for (const applet of applets) await fs.symlink('busybox', `${dir}/${arch}/bin/${applet}`)
    }
    await fs.writeFile(
      `${dir}/Dockerfile`,
      `FROM scratch\nARG TARGETARCH\nCOPY \${TARGETARCH}/ /\nCMD ["/bin/sh"]\n`,
    )
    await $({
      env: dockerEnv(),
    })`docker buildx build --builder default --quiet --provenance=false --platform linux/amd64,linux/arm64 --tag ${MULTIARCH_BASE_IMAGE} --push ${dir}`
  } finally {
    await fs.remove(dir)
  }
}

/** Where a local image is pushed for daemons that can only pull: `catalog-e2e.local/x:y` → `<registry>/catalog-e2e/x:y`. */
export const mirrorOf = (image: string) => image.replace(`${LOCAL_PREFIX}/`, `${MIRROR_PREFIX}/`)

// ---------------------------------------------------------------- commands

export interface StackEnv {
  E2E_REGISTRY: string
  E2E_REGISTRY_ADDRESS: string
  E2E_REGISTRY_USER: string
  E2E_REGISTRY_PASSWORD: string
  E2E_UNREACHABLE_REGISTRY: string
  E2E_CA_FILE: string
  E2E_CA_BUNDLE: string
  E2E_BASE_IMAGE: string
  /** linux/amd64 and linux/arm64, for Dockerfiles that only copy from it (no emulation needed). */
  E2E_MULTIARCH_BASE_IMAGE: string
  E2E_PATH_PREPEND: string
  /** The proxy as containers on the host daemon's bridge reach it. */
  E2E_HTTP_PROXY: string
  /** Answers only requests that came through the proxy; not reachable from a container directly. */
  E2E_PROXY_TARGET: string
  /** The stack client's docker config (holds a login for the registry). */
  E2E_DOCKER_CONFIG: string
  /** The local Rekor v2, and cosign 3's signing config and the trusted root for it and Rekor v1. */
  E2E_REKOR_URL: string
  E2E_SIGNING_CONFIG: string
  E2E_TRUSTED_ROOT: string
  /** The local Rekor v1, and its public key (PEM), as cosign 2 takes it. */
  E2E_REKOR_V1_URL: string
  E2E_REKOR_V1_PUBLIC_KEY: string
  DOCKER_HOST: string
}

export function stackEnv(): StackEnv {
  return {
    E2E_REGISTRY: REGISTRY,
    E2E_REGISTRY_ADDRESS: REGISTRY_ADDRESS,
    E2E_REGISTRY_USER: REGISTRY_USER,
    E2E_REGISTRY_PASSWORD: existsSync(paths.registryPassword) ? registryPassword() : '',
    E2E_UNREACHABLE_REGISTRY: UNREACHABLE_REGISTRY,
    E2E_CA_FILE: paths.caCert,
    E2E_CA_BUNDLE: paths.caBundle,
    E2E_BASE_IMAGE: BASE_IMAGE,
    E2E_MULTIARCH_BASE_IMAGE: MULTIARCH_BASE_IMAGE,
    E2E_PATH_PREPEND: PATH_PREPEND,
    E2E_HTTP_PROXY: `http://${BRIDGE_GATEWAY}:${PROXY_PORT}`,
    E2E_PROXY_TARGET: `http://127.0.0.1:${PROXY_TARGET_PORT}/`,
    E2E_DOCKER_CONFIG: paths.clientConfig,
    E2E_REKOR_URL: REKOR_URL,
    E2E_SIGNING_CONFIG: paths.signingConfig,
    E2E_TRUSTED_ROOT: paths.trustedRoot,
    E2E_REKOR_V1_URL: REKOR_V1_URL,
    E2E_REKOR_V1_PUBLIC_KEY: paths.rekorV1PublicKey,
    DOCKER_HOST: `unix://${paths.dockerSocket}`,
  }
}

/** Builds what the stack runs (Go tools, Debian programs), without starting anything. */
export async function tools(): Promise<void> {
  await timed('apt packages (bookworm)', installAptPackages)
  await timed('Go tools (tool-versions.yml)', () => buildGoTools(say))
  await timed('host programs', linkHostPrograms)
}

export async function up(): Promise<LocalImages> {
  const started = Date.now()
  await tools()
  await timed('configuration and certificates', async () => {
    await ensureRegistryNetns()
    await ensureHostsEntry()
    await ensurePki()
    await ensureRegistryConfig()
    await ensureDockerdConfig()
    await ensureTinyproxyConfig()
    await ensureClientConfig()
  })
  await timed('registry and DNS', async () => {
    await ensureRunning('registry', registryAnswers, () =>
      startInsideTestHost('registry', 'docker-registry', ['serve', paths.registryConfig]),
    )
    await ensureRunning('dns', dnsAnswers, () =>
      startInsideTestHost('dns', 'dnsmasq', [
        ...['--keep-in-foreground', '--log-facility=-'],
        ...[
          '--no-resolv',
          '--no-hosts',
          '--no-dhcp-interface=',
          '--bind-interfaces',
          `--listen-address=${DNS_ADDRESS}`,
        ],
        ...TEST_HOSTS.map((host) => `--address=/${host}/${REGISTRY_ADDRESS}`),
        `--pid-file=${RUN_DIR}/dnsmasq.self.pid`,
      ]),
    )
  })
  await timed('rekor', async () => {
    await ensureSigstoreFiles()
    await ensureRunning('rekor', rekorAnswers, () =>
      startInsideTestHost('rekor', goBinary(goTool('rekor'), 'rekor-server'), [
        'serve',
        ...[
          '--storage-dir',
          paths.rekorStorage,
          '--signer-filepath',
          paths.rekorKey,
          '--hostname',
          REKOR_HOST,
        ],
        ...[
          '--http-address',
          REGISTRY_ADDRESS,
          '--http-port',
          String(REKOR_PORT),
          '--grpc-port',
          String(REKOR_PORT + 1),
        ],
        ...['--http-metrics-port', String(REKOR_PORT + 2), '--checkpoint-interval', '1s'],
      ]),
    )
  })
  await timed('rekor v1 (PostgreSQL, Trillian)', startRekorV1)
  await timed('dockerd', () =>
    ensureRunning('dockerd', dockerAnswers, () =>
      startDetached('dockerd', `${BIN_DIR}/dockerd`, ['--config-file', paths.dockerConfigFile], {
        ...process.env,
        PATH: stackPath,
      }),
    ),
  )
  await timed('proxy', async () => {
    await ensureRunning('tinyproxy', proxyAnswers, () =>
      startDetached('tinyproxy', 'tinyproxy', ['-d', '-c', paths.tinyproxyConfig]),
    )
    await ensureRunning('proxy-target', targetAnswers, () =>
      startDetached('proxy-target', process.execPath, [
        new URL('./proxy-target.mjs', import.meta.url).pathname,
        String(PROXY_TARGET_PORT),
      ]),
    )
  })
  const env = dockerEnv()
  const images = await timed('images', () => buildLocalImages($({ env }), say))
  await timed('registry images', async () => {
    await pushRegistryImages(images)
    await pushMultiarchBaseImage()
  })
  say(`stack up in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return images
}

export async function down(): Promise<void> {
  for (const daemon of [...daemons].reverse()) {
    if (await stopDaemon(daemon)) say(`  stopped ${daemon}`)
  }
  if (await removeRegistryNetns()) say(`  removed network namespace ${REGISTRY_NETNS}`)
}

export async function status(): Promise<boolean> {
  const probes: Record<Daemon, () => Promise<boolean>> = {
    registry: registryAnswers,
    dns: dnsAnswers,
    rekor: rekorAnswers,
    postgres: postgresAnswers,
    'trillian-log-server': healthz(TRILLIAN_LOG_SERVER.http),
    'trillian-log-signer': healthz(TRILLIAN_LOG_SIGNER.http),
    'rekor-v1': rekorV1Answers,
    dockerd: dockerAnswers,
    tinyproxy: proxyAnswers,
    'proxy-target': targetAnswers,
  }
  let allUp = true
  for (const daemon of daemons) {
    const pid = pidOf(daemon)
    const ready = pid !== undefined && (await probes[daemon]())
    allUp &&= ready
    say(
      `${daemon.padEnd(20)} ${ready ? 'up' : pid ? 'starting/unhealthy' : 'down'}${pid ? ` (pid ${pid})` : ''}`,
    )
  }
  return allUp
}

export { localImageTags }
