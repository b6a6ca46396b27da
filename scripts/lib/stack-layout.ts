// Where the local build stack lives and how the suite reaches it. Pure data: no I/O, safe to import anywhere.

export const PREFIX = '/opt/catalog-e2e'
export const STATE = '/var/lib/catalog-e2e'
export const RUN_DIR = '/run/catalog-e2e'
/** Links to every program the stack runs on the host (engine, containerd, runc, docker CLI, docker-init). */
export const BIN_DIR = `${PREFIX}/bin`

export const REGISTRY_HOST = 'registry.e2e.test'
/**
 * The registry runs as its own test host: a network namespace made by the stack, joined to the host by a veth
 * pair. Its address is outside 127.0.0.0/8 on purpose, since dockerd always treats that range as an insecure
 * registry (it retries over plain HTTP after a failed TLS login and hides the real error). The same host
 * serves DNS for the test domain, so containers (and containers inside Docker-in-Docker) find the registry by
 * name as they would on GitLab, and nothing else resolves.
 */
export const REGISTRY_NETNS = 'catalog-e2e-registry'
export const REGISTRY_ADDRESS = '10.77.0.2'
/** The host's end of the veth pair, and the namespace's default route. */
export const REGISTRY_GATEWAY = '10.77.0.1'
export const REGISTRY_VETH_HOST = 'ce2e-host'
export const REGISTRY_VETH_NETNS = 'ce2e-registry'
export const REGISTRY_PORT = 5443
export const REGISTRY = `${REGISTRY_HOST}:${REGISTRY_PORT}`
export const DNS_ADDRESS = REGISTRY_ADDRESS
/** A Rekor v2 transparency log on the same test host (plain HTTP, as a private instance behind a proxy might be). */
export const REKOR_HOST = 'rekor.e2e.test'
export const REKOR_PORT = 3003
export const REKOR_URL = `http://${REKOR_HOST}:${REKOR_PORT}`
/**
 * A Rekor v1 transparency log on the same host and name: the REST API cosign 2, and cosign 3's legacy signature
 * format, record signatures in. It keeps its entries in a Trillian log (log server and signer) backed by
 * PostgreSQL; those three listen only on the test host's own loopback, where Rekor reaches them.
 */
export const REKOR_V1_PORT = 3008
export const REKOR_V1_URL = `http://${REKOR_HOST}:${REKOR_V1_PORT}`
export const TRILLIAN_LOG_SERVER = { rpc: 8090, http: 8091 }
export const TRILLIAN_LOG_SIGNER = { rpc: 8190, http: 8191 }
export const POSTGRES_PORT = 5432
/** Names the test host answers to, in /etc/hosts and in its DNS. */
export const TEST_HOSTS = [REGISTRY_HOST, REKOR_HOST]
/** Nothing listens here: the "cache registry unreachable" fault points its cache at it. */
export const UNREACHABLE_REGISTRY = `${REGISTRY_HOST}:5999`
export const REGISTRY_USER = 'e2e'

/**
 * The host daemon's default bridge. Not Docker's default 172.17.0.0/16, which the daemon inside a
 * Docker-in-Docker service takes for its own bridge: the two must not overlap.
 */
export const BRIDGE_GATEWAY = '10.88.0.1'
export const BRIDGE_CIDR = `${BRIDGE_GATEWAY}/16`
/** Pools for any other network the host daemon makes (none by default). */
export const ADDRESS_POOL = '10.89.0.0/16'
export const PROXY_PORT = 3128
export const PROXY_TARGET_PORT = 8099

export const BASE_IMAGE = `${REGISTRY}/base/busybox:1`
/**
 * The multi-arch scenarios' base image: an index of linux/amd64 and linux/arm64 (Debian's busybox-static for
 * each), so a Dockerfile that only copies from it builds either platform here without emulation.
 */
export const MULTIARCH_BASE_IMAGE = `${REGISTRY}/base/busybox-multiarch:1`
/** Where the local images a Docker-in-Docker daemon must pull (the BuildKit image) are pushed. */
export const MIRROR_PREFIX = `${REGISTRY}/catalog-e2e`

export const paths = {
  pki: `${STATE}/pki`,
  caCert: `${STATE}/pki/ca.crt`,
  caKey: `${STATE}/pki/ca.key`,
  serverCert: `${STATE}/pki/server.crt`,
  serverKey: `${STATE}/pki/server.key`,
  /** The system bundle plus our CA: for Go tools (cosign) through SSL_CERT_FILE. */
  caBundle: `${STATE}/pki/bundle.crt`,
  registryConfig: `${STATE}/registry/config.yml`,
  registryData: `${STATE}/registry/data`,
  htpasswd: `${STATE}/registry/htpasswd`,
  registryPassword: `${STATE}/registry/password`,
  dockerDataRoot: `${STATE}/docker`,
  dockerExecRoot: `${RUN_DIR}/docker-exec`,
  dockerConfigFile: `${STATE}/dockerd.json`,
  dockerSocket: `${RUN_DIR}/docker.sock`,
  /** The stack's own docker client config (image pushes), never the jobs'. */
  clientConfig: `${STATE}/client-docker-config`,
  tinyproxyConfig: `${STATE}/tinyproxy.conf`,
  rekorStorage: `${STATE}/rekor/storage`,
  rekorKey: `${STATE}/rekor/signer.pem`,
  rekorPublicKey: `${STATE}/rekor/signer.pub`,
  /** cosign 3's signing config naming the local Rekor, and a trusted root holding its key. */
  signingConfig: `${STATE}/rekor/signing-config.json`,
  trustedRoot: `${STATE}/rekor/trusted-root.json`,
  /** Rekor v1: its signing key (ECDSA P-256, as public Sigstore's), the Trillian tree it writes to, and the database. */
  rekorV1Key: `${STATE}/rekor-v1/signer.pem`,
  rekorV1PublicKey: `${STATE}/rekor-v1/signer.pub`,
  trillianTreeId: `${STATE}/rekor-v1/tree-id`,
  postgresData: `${STATE}/rekor-v1/postgres`,
  postgresSocketDir: `${RUN_DIR}/postgres`,
  logs: `${STATE}/logs`,
  rootfs: (name: string) => `${STATE}/rootfs/${name}`,
  pid: (daemon: Daemon) => `${RUN_DIR}/${daemon}.pid`,
  log: (daemon: Daemon) => `${STATE}/logs/${daemon}.log`,
  dockerCertsDir: `/etc/docker/certs.d/${REGISTRY}`,
  containersCertsDir: `/etc/containers/certs.d/${REGISTRY}`,
  cliPluginsDir: '/usr/local/lib/docker/cli-plugins',
}

/** In start order; stopped in reverse, so PostgreSQL stops after the Trillian processes that use it. */
export const daemons = [
  'registry',
  'dns',
  'rekor',
  'postgres',
  'trillian-log-server',
  'trillian-log-signer',
  'rekor-v1',
  'dockerd',
  'tinyproxy',
  'proxy-target',
] as const
export type Daemon = (typeof daemons)[number]

/** Prepended to PATH for the stack's daemons and clients. */
export const PATH_PREPEND = BIN_DIR

/** bookworm packages the stack and .ci/run need on the host. */
export const aptPackages = [
  'docker-registry',
  'skopeo',
  'shellcheck',
  'rsync',
  'tinyproxy',
  'dnsmasq-base',
  'iptables',
  'openssl',
  'ca-certificates',
  'git',
  'curl',
  'apache2-utils',
  'iproute2',
  // Trillian's storage for the Rekor v1 log.
  'postgresql-15',
  // Image assembly: Debian root filesystems, busybox from source (musl), runc (cgo, static libseccomp).
  'debootstrap',
  'musl-tools',
  'bzip2',
  'make',
  'gcc',
  'libc6-dev',
  'libseccomp-dev',
  'pkg-config',
]
