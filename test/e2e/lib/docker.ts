// Empties the local daemon's build cache and drops the images a run built, so the next build can only hit
// the registry cache, as on a fresh GitLab runner.
import { execFileSync } from 'node:child_process'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'

export function dockerEnv() {
  const stack = stackEnv()
  return {
    ...process.env,
    PATH: `${stack.E2E_PATH_PREPEND}:${process.env.PATH}`,
    DOCKER_HOST: stack.DOCKER_HOST,
    DOCKER_CONFIG: stack.E2E_DOCKER_CONFIG,
  }
}

export function forgetLocalBuilds(): void {
  const env = dockerEnv()
  execFileSync('docker', ['buildx', 'prune', '--all', '--force'], { env, stdio: 'ignore' })
  const all = execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'], {
    env,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((ref) => ref.includes('/e2e-'))
  if (all.length > 0) {
    execFileSync('docker', ['rmi', '--force', ...new Set(all)], { env, stdio: 'ignore' })
  }
}
