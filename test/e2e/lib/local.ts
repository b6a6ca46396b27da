// What the suite changes for this machine, per component, and why. Scenario files stay GitLab-faithful
// (Docker-in-Docker service on, a throw-away BuildKit container builder); here the jobs use the stack's
// Docker Engine directly: gitlab-ci-local would try to pull the service image even in shell mode, and the
// moby/buildkit image for the docker-container driver cannot be pulled (DEVELOPERS.md).
import { expect, onTestFinished } from 'vitest'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'
import { type RunResult, runNamespace } from './pipeline.js'
import { createWorkspace, PROJECT_PATH, type Workspace } from './workspace.js'

export const localInputs: Record<string, Record<string, unknown>> = {
  'buildx-cache': { docker_service: false, builder: 'docker' },
}

/** The registry password must never reach a log: GitLab would mask it, gitlab-ci-local does not. */
export function expectNoRegistryPassword(run: RunResult): void {
  const password = stackEnv().E2E_REGISTRY_PASSWORD
  expect(password.length).toBeGreaterThan(8)
  expect(run.allText.includes(password), 'the registry password appears in a job log').toBe(false)
}

/** The project's registry image in this run's namespace, as CI_REGISTRY_IMAGE names it in the jobs. */
export const registryImage = () => `${stackEnv().E2E_REGISTRY}/${runNamespace}/${PROJECT_PATH}`

/** A workspace removed when the current test finishes (kept with E2E_KEEP=1 for debugging). */
export function workspace(): Workspace {
  const ws = createWorkspace()
  if (process.env.E2E_KEEP !== '1') onTestFinished(() => ws.remove())
  else console.log(`workspace kept: ${ws.dir}`)
  return ws
}

export const localInputsFor = (extra: Record<string, Record<string, unknown>> = {}) => {
  const merged: Record<string, Record<string, unknown>> = { ...localInputs }
  for (const [name, values] of Object.entries(extra)) merged[name] = { ...merged[name], ...values }
  return merged
}
