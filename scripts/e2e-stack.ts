// Provisions the local build stack for the end-to-end suite on Debian bookworm, as root: the Go-built tools of
// tool-versions.yml (kaniko, BuildKit, buildx, cosign 3 and 2, the Docker 29 engine, containerd, runc), local
// images mirroring each component's default image, Debian's docker-registry (TLS from a self-made CA, htpasswd
// auth) as its own test host with a DNS server for the test domain, the Docker Engine that runs the job
// containers, tinyproxy plus a target only reachable through it, and busybox base images in the registry (one for
// linux/amd64, one index of linux/amd64 and linux/arm64 for the multi-arch scenarios).
// Usage: npx tsx scripts/e2e-stack.ts <up|tools|down|env|status|versions|apt-packages> [--json]
// Leaves behind: programs in /opt/catalog-e2e, state and images in /var/lib/catalog-e2e, pids and sockets in
// /run/catalog-e2e, an /etc/hosts line, CA files under /etc/docker/certs.d and /etc/containers/certs.d.
// `down` stops only the daemons `up` started, by their recorded pids.
import { argv } from 'zx'
import { down, stackEnv, status, tools, up } from './lib/e2e-stack.js'
import { aptPackages } from './lib/stack-layout.js'

const args = argv as { _: string[]; json?: boolean }
const command = args._[0]

try {
  switch (command) {
    case 'up':
      await up()
      break
    case 'tools':
      await tools()
      break
    case 'down':
      await down()
      break
    case 'status':
      process.exitCode = (await status()) ? 0 : 1
      break
    case 'env': {
      const env = stackEnv()
      process.stdout.write(
        args.json
          ? `${JSON.stringify(env, null, 2)}\n`
          : Object.entries(env)
              .map(([key, value]) => `${key}=${value}\n`)
              .join(''),
      )
      break
    }
    case 'apt-packages':
      // For .ci/run: one apt transaction for everything the machine needs.
      process.stdout.write(`${aptPackages.join('\n')}\n`)
      break
    default:
      process.stderr.write('usage: e2e-stack.ts <up|tools|down|env|status|apt-packages> [--json]\n')
      process.exitCode = 2
  }
} catch (error) {
  process.stderr.write(`e2e-stack ${command}: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
