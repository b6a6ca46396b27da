// What the suite sets for this machine, and why. Scenario files stay GitLab-faithful; here, as a project's CI/CD
// variables and the runner's configuration would on a self-managed instance:
// - every component's `image` input (and the Docker-in-Docker service and BuildKit images) names the local image
//   that stands in for its default image (tool-versions.yml `images`), since nothing can be pulled;
// - project variables point the scenarios at the local registry's CA (a file variable), a buildkitd.toml that
//   trusts it, the local proxy and base images, and the local images of the verify jobs;
// - the runner carries the tags the multi-arch scenarios send their per-platform builds to: this amd64 machine
//   has no arm64 runner, and needs none, since their Dockerfile runs nothing (test/fixtures/Dockerfile.multiarch).

import { readFileSync } from 'node:fs'
import { expect, onTestFinished } from 'vitest'
import { localImageTags, mirrorOf, stackEnv } from '../../../scripts/lib/e2e-stack.js'
import { engineDefaultSeccompProfile, rootlessBuildkitProfile } from '../../../scripts/lib/seccomp-profile.js'
import { PROJECT_DIR, type RunResult, runNamespace } from '../runner/run-pipeline.js'
import type { Variable } from '../runner/variables.js'
import { createWorkspace, PROJECT_PATH, type Workspace } from './workspace.js'

/** Each component's image inputs, pointed at the local stand-ins. */
export function localInputs(): Record<string, Record<string, unknown>> {
  const images = localImageTags()
  return {
    'buildx-cache': {
      image: images.dockerCli,
      docker_service_image: images.dockerDind,
      // A daemon inside a service can only pull from a registry: the stand-in is pushed there.
      buildkit_image: mirrorOf(images.buildkit),
      // The builder's BuildKit trusts the registry's CA through a buildkitd.toml (a file variable).
      buildkitd_config: '$TEST_BUILDKITD_CONFIG',
    },
    // Plain kaniko has no CA input: trust the registry's CA the way kaniko documents it.
    kaniko: {
      image: images.kaniko,
      'extra_args+': ['--registry-certificate=$CI_REGISTRY=$TEST_REGISTRY_CA'],
    },
    'kaniko-proxy': { image: images.kaniko },
    buildah: { image: images.buildah },
    buildkit: { image: images.buildkitRootless },
    'cosign-sign': { image: images.cosign },
    manifest: { image: images.regctl },
  }
}

/** Input overrides merged per component: `localInputs()` plus a test's own (see `withOverrides` for `key+`). */
export function localInputsWith(
  extra: Record<string, Record<string, unknown>> = {},
): Record<string, Record<string, unknown>> {
  const merged = localInputs()
  for (const [name, values] of Object.entries(extra)) merged[name] = { ...merged[name], ...values }
  return merged
}

/** Where a file variable's content lands in every job (GitLab Runner writes them next to the project). */
const fileVariablePath = (name: string) => `${PROJECT_DIR}.tmp/${name}`

/** The project CI/CD variables a self-managed project using this stack would set. */
export function projectVariables(): Record<string, Variable> {
  const stack = stackEnv()
  const images = localImageTags()
  const ca = readFileSync(stack.E2E_CA_FILE, 'utf8')
  return {
    TEST_REGISTRY_CA: { value: ca, file: true },
    // buildx copies the files a buildkitd.toml names into its BuildKit container.
    TEST_BUILDKITD_CONFIG: {
      value: `[registry."${stack.E2E_REGISTRY}"]\n  ca = ["${fileVariablePath('TEST_REGISTRY_CA')}"]\n`,
      file: true,
    },
    // cosign 3's signing config and trusted root for the local Rekor v2 (a private Sigstore instance).
    TEST_SIGSTORE_SIGNING_CONFIG: { value: readFileSync(stack.E2E_SIGNING_CONFIG, 'utf8'), file: true },
    TEST_SIGSTORE_TRUSTED_ROOT: { value: readFileSync(stack.E2E_TRUSTED_ROOT, 'utf8'), file: true },
    // The local Rekor v1, for legacy signatures, and its key as cosign 2 takes it (the trusted root holds it too).
    TEST_REKOR_V1_URL: { value: stack.E2E_REKOR_V1_URL },
    TEST_REKOR_V1_PUBLIC_KEY: { value: readFileSync(stack.E2E_REKOR_V1_PUBLIC_KEY, 'utf8'), file: true },
    TEST_HTTP_PROXY: { value: stack.E2E_HTTP_PROXY },
    TEST_PROXY_TARGET: { value: stack.E2E_PROXY_TARGET },
    BASE_IMAGE: { value: stack.E2E_BASE_IMAGE },
    MULTIARCH_BASE_IMAGE: { value: stack.E2E_MULTIARCH_BASE_IMAGE },
    TEST_AMD64_RUNNER_TAG: { value: RUNNER_TAGS.amd64 },
    TEST_ARM64_RUNNER_TAG: { value: RUNNER_TAGS.arm64 },
    VERIFY_SKOPEO_IMAGE: { value: images.skopeo },
    VERIFY_COSIGN_IMAGE: { value: images.cosign },
    VERIFY_REGCTL_IMAGE: { value: images.regctl },
  }
}

/**
 * The local runner's tags, which the project variables TEST_AMD64_RUNNER_TAG and TEST_ARM64_RUNNER_TAG name, as a
 * project on GitLab.com names its hosted runners' (`saas-linux-small-amd64`, `saas-linux-small-arm64`). The one
 * runner here is amd64 and carries both; it also runs untagged jobs.
 */
export const RUNNER_TAGS = { amd64: 'e2e-linux-amd64', arm64: 'e2e-arm64-builds-without-emulation' }

/**
 * The runner configuration buildah jobs need: Docker's default seccomp profile forbids the user namespace
 * buildah's chroot isolation creates (`unshare(CLONE_NEWUSER): Operation not permitted`); no --privileged.
 */
export const buildahRunner = { runner: { securityOpt: ['seccomp=unconfined'] } }

/**
 * The runner configuration rootless BuildKit jobs need, and no more: Docker's default seccomp profile plus the
 * system calls for user and mount namespaces (scripts/lib/seccomp-profile.ts); no capability, no --privileged.
 * The Engine API takes the profile itself, as a runner's `security_opt = ["seccomp=<JSON>"]` passes it.
 * `unmaskedSystemPaths` (what `docker run --security-opt systempaths=unconfined` does) is for `process_sandbox: true`.
 */
export function buildkitRunner(options: { unmaskedSystemPaths?: boolean } = {}): {
  runner: { securityOpt: string[]; unmaskedSystemPaths: boolean }
} {
  buildkitSeccomp ??= JSON.stringify(rootlessBuildkitProfile(engineDefaultSeccompProfile()))
  return {
    runner: {
      securityOpt: [`seccomp=${buildkitSeccomp}`],
      unmaskedSystemPaths: options.unmaskedSystemPaths === true,
    },
  }
}
let buildkitSeccomp: string | undefined

/** The registry password must never reach a log: GitLab would mask it, this runner does not. */
export function expectNoRegistryPassword(run: RunResult): void {
  const password = stackEnv().E2E_REGISTRY_PASSWORD
  expect(password.length).toBeGreaterThan(8)
  expect(run.allText.includes(password), 'the registry password appears in a job log').toBe(false)
}

/** The project's registry image in this run's namespace, as CI_REGISTRY_IMAGE names it in the jobs. */
export const registryImage = () => `${stackEnv().E2E_REGISTRY}/${runNamespace}/${PROJECT_PATH}`

/** E2E_KEEP=1 keeps the workspaces, for debugging. */
export const keepWorkspaces = process.env.E2E_KEEP === '1'

/** A workspace removed when the current test finishes (kept with E2E_KEEP=1 for debugging). */
export function workspace(): Workspace {
  const ws = createWorkspace()
  if (!keepWorkspaces) onTestFinished(() => ws.remove())
  else console.log(`workspace kept: ${ws.dir}`)
  return ws
}
