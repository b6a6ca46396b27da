// Where the local build stack lives and how the suite reaches it. Pure data: no I/O, safe to import anywhere.

export const PREFIX = '/opt/catalog-e2e'
export const TRIXIE_ROOT = `${PREFIX}/trixie`
export const STATE = '/var/lib/catalog-e2e'
export const RUN_DIR = '/run/catalog-e2e'

export const REGISTRY_HOST = 'registry.e2e.test'
/**
 * The registry runs as its own test host: a network namespace made by the stack, joined to the host by a veth
 * pair. Its address is outside 127.0.0.0/8 on purpose, since dockerd always treats that range as an insecure
 * registry (it retries over plain HTTP after a failed TLS login and hides the real error).
 */
export const REGISTRY_NETNS = 'catalog-e2e-registry'
export const REGISTRY_ADDRESS = '10.77.0.2'
/** The host's end of the veth pair, and the namespace's default route. */
export const REGISTRY_GATEWAY = '10.77.0.1'
export const REGISTRY_VETH_HOST = 'ce2e-host'
export const REGISTRY_VETH_NETNS = 'ce2e-registry'
export const REGISTRY_PORT = 5443
export const REGISTRY = `${REGISTRY_HOST}:${REGISTRY_PORT}`
/** Nothing listens here: the "cache registry unreachable" fault points its cache at it. */
export const UNREACHABLE_REGISTRY = `${REGISTRY_HOST}:5999`
export const REGISTRY_USER = 'e2e'

/** dockerd's bridge gateway, fixed in its config: build containers reach the proxy there. */
export const BRIDGE_GATEWAY = '172.17.0.1'
export const PROXY_PORT = 3128
export const PROXY_TARGET_PORT = 8099

export const BASE_IMAGE = `${REGISTRY}/base/busybox:1`

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
  /** The stack's own docker client config (base image push), never the jobs'. */
  clientConfig: `${STATE}/client-docker-config`,
  tinyproxyConfig: `${STATE}/tinyproxy.conf`,
  logs: `${STATE}/logs`,
  pid: (daemon: Daemon) => `${RUN_DIR}/${daemon}.pid`,
  log: (daemon: Daemon) => `${STATE}/logs/${daemon}.log`,
  aptState: `${PREFIX}/apt-trixie`,
  dockerCertsDir: `/etc/docker/certs.d/${REGISTRY}`,
  containersCertsDir: `/etc/containers/certs.d/${REGISTRY}`,
  cliPluginsDir: '/usr/local/lib/docker/cli-plugins',
}

export const daemons = ['registry', 'dockerd', 'tinyproxy', 'proxy-target'] as const
export type Daemon = (typeof daemons)[number]

/** Binaries from trixie first (docker 26 client matching the daemon, cosign), then the host's. */
export const PATH_PREPEND = [`${TRIXIE_ROOT}/usr/bin`, `${TRIXIE_ROOT}/usr/sbin`].join(':')

export const aptPackages = [
  'docker-registry',
  'buildah',
  'skopeo',
  'runc',
  'shellcheck',
  'busybox-static',
  'rsync',
  'tinyproxy',
  'iptables',
  'uidmap',
  'fuse-overlayfs',
  'openssl',
  'ca-certificates',
  'git',
  'curl',
  'apache2-utils',
  'iproute2',
]

/** trixie packages unpacked with `dpkg -x`; runc comes from bookworm (trixie's needs a newer glibc). */
export const trixiePackages = ['docker.io', 'containerd', 'docker-cli', 'docker-buildx', 'cosign', 'tini']
