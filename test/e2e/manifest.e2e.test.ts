// Multi-arch images from one build per platform, merged by the manifest component into one OCI index and signed,
// checked from the registry itself (not the job logs): the index lists each platform with the exact digest its
// build reported, skopeo resolves the arm64 manifest by platform, the arm64 image holds arm64 binaries (built here
// on amd64 without emulation: the Dockerfile only copies them), and the signatures verify, per platform too.
// Then every way the merge must refuse, each leaving the tag where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localImageTags, stackEnv } from '../../scripts/lib/e2e-stack.js'
import { runPassing } from './lib/builder-scenarios.js'
import { keyVariables, secretsInLog, useCosignKeys } from './lib/cosign-keys.js'
import {
  buildahRunner,
  buildkitRunner,
  expectNoRegistryPassword,
  keepWorkspaces,
  RUNNER_TAGS,
  registryImage,
} from './lib/local.js'
import { type RunResult, runScenario, tail } from './lib/pipeline.js'
import { cosignVerifyKey, getManifest, listTags, manifestDigest, platformImage } from './lib/registry.js'
import { createWorkspace, PROJECT_PATH, SERVER_HOST, type Workspace } from './lib/workspace.js'

const cosignKeys = useCosignKeys()

const EM_X86_64 = 0x3e
const EM_AARCH64 = 0xb7

interface Descriptor {
  mediaType: string
  digest: string
  platform?: { os: string; architecture: string; variant?: string }
  annotations?: Record<string, string>
}

const isAttestation = (d: Descriptor) =>
  d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'

/** The index a tag names: its digest, its image entries by `os/arch`, its attestation entries and annotations. */
async function indexAt(repo: string, tag: string) {
  const index = await getManifest(repo, tag)
  if (!index) throw new Error(`no ${repo}:${tag}`)
  const manifests = (index.body.manifests ?? []) as Descriptor[]
  const images = Object.fromEntries(
    manifests
      .filter((d) => !isAttestation(d))
      .map((d) => [`${d.platform?.os}/${d.platform?.architecture}`, d.digest]),
  )
  return {
    digest: index.digest,
    mediaType: index.mediaType,
    images,
    attestations: manifests.filter(isAttestation),
    annotations: (index.body.annotations ?? {}) as Record<string, string>,
  }
}

const projectUrl = `https://${SERVER_HOST}/${PROJECT_PATH}`

describe('manifest: native per-platform builds merged into one signed index', () => {
  it('multiarch (the README recipe): buildah per platform on tagged runners, merged, signed per platform, verified', async () => {
    const scenario = 'test/pipelines/manifest/multiarch.gitlab-ci.yml'
    const jobs = ['build-amd64', 'build-arm64', 'manifest', 'sign', 'verify:index', 'verify:signature']
    const { ws, run, repo } = await runPassing(scenario, jobs, {
      variables: keyVariables(cosignKeys()),
      ...buildahRunner,
    })
    // Each build ran on the runner its tag picked; the merge and the signature on any runner.
    expect(run.jobTags('build-amd64')).toEqual([RUNNER_TAGS.amd64])
    expect(run.jobTags('build-arm64')).toEqual([RUNNER_TAGS.arm64])
    expect(run.jobTags('manifest')).toEqual([])
    // Distinct dotenv names per build, none of today's plain ones.
    const amd64 = run.dotenv('build-amd64')
    const arm64 = run.dotenv('build-arm64')
    expect(Object.keys(amd64).sort()).toEqual(
      ['AMD64_IMAGE_DIGEST', 'AMD64_IMAGE_PLATFORM', 'AMD64_IMAGE_REF', 'AMD64_IMAGE_TAG'].sort(),
    )
    expect(arm64).toMatchObject({ ARM64_IMAGE_PLATFORM: 'linux/arm64', ARM64_IMAGE_TAG: '' })
    expect(amd64.AMD64_IMAGE_REF).toBe(`${repo}@${amd64.AMD64_IMAGE_DIGEST}`)
    expect(arm64.ARM64_IMAGE_REF).toBe(`${repo}@${arm64.ARM64_IMAGE_DIGEST}`)
    expect(amd64.AMD64_IMAGE_DIGEST).not.toBe(arm64.ARM64_IMAGE_DIGEST)

    // The index under the pipeline's tag, with exactly the two digests the builds reported.
    const index = await indexAt(repo, 'latest')
    const merged = run.dotenv('manifest')
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    expect(merged.IMAGE_DIGEST).toBe(index.digest)
    expect(merged.IMAGE_REF).toBe(`${repo}@${index.digest}`)
    expect(index.images).toEqual({
      'linux/amd64': amd64.AMD64_IMAGE_DIGEST,
      'linux/arm64': arm64.ARM64_IMAGE_DIGEST,
    })
    expect(merged.IMAGE_PLATFORM_DIGESTS).toBe(
      `linux/amd64=${amd64.AMD64_IMAGE_DIGEST} linux/arm64=${arm64.ARM64_IMAGE_DIGEST}`,
    )
    expect(index.annotations).toEqual({
      'org.opencontainers.image.source': projectUrl,
      'org.opencontainers.image.revision': ws.sha,
    })
    // The per-platform images carry no tag: only the index's and cosign's signature tags exist.
    const tags = await listTags(repo)
    expect(tags.filter((tag) => !/^sha256-[0-9a-f]{64}$/.test(tag))).toEqual(['latest'])
    for (const digest of [index.digest, amd64.AMD64_IMAGE_DIGEST, arm64.ARM64_IMAGE_DIGEST])
      expect(tags, `signature tag of ${digest}`).toContain((digest as string).replace(':', '-'))

    // skopeo resolves each platform to its build's manifest; the arm64 one holds arm64 binaries.
    expect(await platformImage(`${repo}:latest`, 'linux', 'arm64', 'bin/busybox')).toEqual({
      digest: arm64.ARM64_IMAGE_DIGEST,
      os: 'linux',
      architecture: 'arm64',
      elfMachine: EM_AARCH64,
    })
    expect(await platformImage(`${repo}:latest`, 'linux', 'amd64', 'bin/busybox')).toEqual({
      digest: amd64.AMD64_IMAGE_DIGEST,
      os: 'linux',
      architecture: 'amd64',
      elfMachine: EM_X86_64,
    })

    // The signatures verify from outside the pipeline: the index and each platform manifest.
    expect(run.jobLog('sign')).toContain(`verified the signature of ${repo}@${arm64.ARM64_IMAGE_DIGEST}`)
    for (const digest of [index.digest, amd64.AMD64_IMAGE_DIGEST, arm64.ARM64_IMAGE_DIGEST]) {
      const verified = await cosignVerifyKey(
        localImageTags().cosign,
        `${repo}@${digest}`,
        cosignKeys().publicKeyFile,
      )
      expect(verified.ok && verified.annotations[0], digest).toMatchObject({
        'org.opencontainers.image.revision': ws.sha,
        tag: 'latest',
      })
    }
    expect(secretsInLog(run.allText, cosignKeys())).toEqual([])
    expectNoRegistryPassword(run)
  })

  it('buildx-kaniko: an index-shaped build keeps its attestation, kaniko its per-platform tag, images and extra tags work', async () => {
    const scenario = 'test/pipelines/manifest/buildx-kaniko.gitlab-ci.yml'
    const { ws, run, repo } = await runPassing(scenario, [
      'build-amd64',
      'build-arm64',
      'manifest',
      'verify:index',
    ])
    const amd64 = run.dotenv('build-amd64')
    const arm64 = run.dotenv('build-arm64')
    // buildx pushed an index by digest: its image and a provenance attestation for it.
    const built = await getManifest(repo, amd64.AMD64_IMAGE_DIGEST as string)
    expect(built?.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const builtEntries = (built?.body.manifests ?? []) as Descriptor[]
    const builtImage = builtEntries.find((d) => !isAttestation(d))?.digest
    const builtAttestation = builtEntries.find(isAttestation)
    expect(builtAttestation?.annotations?.['vnd.docker.reference.digest']).toBe(builtImage)
    // kaniko pushed under its per-platform tag, the only tag a per-platform build takes.
    expect(arm64.ARM64_IMAGE_TAG).toBe('latest-linux-arm64')
    expect(await manifestDigest(repo, 'latest-linux-arm64')).toBe(arm64.ARM64_IMAGE_DIGEST)

    const index = await indexAt(repo, 'latest')
    expect(index.images).toEqual({ 'linux/amd64': builtImage, 'linux/arm64': arm64.ARM64_IMAGE_DIGEST })
    expect(index.attestations).toEqual([builtAttestation])
    expect(index.annotations).toEqual({
      'org.opencontainers.image.source': projectUrl,
      'org.opencontainers.image.revision': ws.sha,
      'org.opencontainers.image.title': 'multi-arch "sample"',
    })
    expect(await manifestDigest(repo, ws.sha.slice(0, 8))).toBe(index.digest)
    expect((await listTags(repo)).sort()).toEqual(['latest', 'latest-linux-arm64', ws.sha.slice(0, 8)].sort())
    expect(await platformImage(`${repo}:latest`, 'linux', 'arm64', 'bin/busybox')).toMatchObject({
      digest: arm64.ARM64_IMAGE_DIGEST,
      elfMachine: EM_AARCH64,
    })
  })

  it('buildkit: rootless BuildKit per platform, one by digest and one under its platform_tag, each with its own cache', async () => {
    const scenario = 'test/pipelines/manifest/buildkit.gitlab-ci.yml'
    const { ws, run, repo } = await runPassing(
      scenario,
      ['build-amd64', 'build-arm64', 'manifest', 'verify:index'],
      buildkitRunner(),
    )
    expect(run.jobTags('build-amd64')).toEqual([RUNNER_TAGS.amd64])
    expect(run.jobTags('build-arm64')).toEqual([RUNNER_TAGS.arm64])
    const amd64 = run.dotenv('build-amd64')
    const arm64 = run.dotenv('build-arm64')
    const platformTag = `${ws.sha.slice(0, 8)}-arm64`
    expect(amd64).toMatchObject({ AMD64_IMAGE_PLATFORM: 'linux/amd64', AMD64_IMAGE_TAG: '' })
    expect(arm64).toMatchObject({ ARM64_IMAGE_PLATFORM: 'linux/arm64', ARM64_IMAGE_TAG: platformTag })
    expect(await manifestDigest(repo, platformTag)).toBe(arm64.ARM64_IMAGE_DIGEST)
    // Each build pushed an index of its image and a provenance attestation; the merged index lists both images
    // and keeps both attestations next to them.
    const imageOf = async (digest: string) => {
      const built = await getManifest(repo, digest)
      expect(built?.mediaType, digest).toBe('application/vnd.oci.image.index.v1+json')
      const entries = (built?.body.manifests ?? []) as Descriptor[]
      expect(entries.filter(isAttestation), digest).toHaveLength(1)
      return entries.find((d) => !isAttestation(d))?.digest
    }
    const index = await indexAt(repo, 'latest')
    expect(index.images).toEqual({
      'linux/amd64': await imageOf(amd64.AMD64_IMAGE_DIGEST as string),
      'linux/arm64': await imageOf(arm64.ARM64_IMAGE_DIGEST as string),
    })
    expect(index.attestations).toHaveLength(2)
    expect((await listTags(repo)).sort()).toEqual(['latest', platformTag].sort())
    // One cache per platform: two builds on one branch would otherwise overwrite each other's.
    expect(await listTags(`${repo}/cache`)).toEqual(['main-linux-amd64', 'main-linux-arm64'])
    expect(await platformImage(`${repo}:latest`, 'linux', 'arm64', 'bin/busybox')).toMatchObject({
      os: 'linux',
      architecture: 'arm64',
      elfMachine: EM_AARCH64,
    })
    expect(run.jobLog('build-arm64')).toMatch(/buildkitd runs as uid 1000 /)
    expectNoRegistryPassword(run)
  })
})

describe('manifest faults: each refused clearly before any write, the tag left on the index it named', () => {
  const scenario = 'test/e2e/pipelines/manifest-faults.gitlab-ci.yml'
  const repo = `${registryImage()}/faults/manifest`
  let run: RunResult
  let before: string | undefined
  let ws: Workspace | undefined
  let baseIndexRef: string
  afterAll(() => {
    if (!keepWorkspaces) ws?.remove()
  })

  beforeAll(async () => {
    const base = stackEnv().E2E_MULTIARCH_BASE_IMAGE
    const baseIndex = await manifestDigest(base.replace(/:[^/:]+$/, ''), base.replace(/^.*:/, ''))
    ws = createWorkspace()
    baseIndexRef = `${base.replace(/:[^/:]+$/, '')}@${baseIndex}`
    run = await runScenario(ws, {
      scenario,
      variables: {
        E2E_UNREACHABLE_REGISTRY: stackEnv().E2E_UNREACHABLE_REGISTRY,
        MULTIARCH_BASE_INDEX_REF: baseIndexRef,
      },
      ...buildahRunner,
    })
    // The first merge succeeds and tags the index; every faulty one after it targets the same tag.
    expect(run.status('build-amd64'), tail(run)).toBe('passed')
    expect(run.status('merge-ok'), tail(run)).toBe('passed')
    before = run.dotenv('merge-ok').IMAGE_DIGEST
    expect(before).toMatch(/^sha256:[0-9a-f]{64}$/)
  }, 15 * 60_000)

  // Each refusal: the job fails with its one-line error before anything is pushed, reports nothing, and
  // `latest` still names the good index.
  it.each([
    {
      job: 'missing-platform',
      title: 'linux/arm64 is required and no build provides it',
      message: () =>
        'platform linux/arm64 is missing: no build in prefixes or images provides it, and an index without it must not take the tags',
    },
    {
      job: 'wrong-platform',
      title: 'a linux/amd64 image claimed as linux/arm64',
      message: () =>
        `images item 1: ${run.dotenv('build-amd64').AMD64_IMAGE_REF} is a linux/amd64 image, not linux/arm64: it was built for another platform (or is given under the wrong one)`,
    },
    {
      job: 'duplicated-platform',
      title: 'linux/amd64 from the build and again from images',
      message: () =>
        'platform linux/amd64 is given twice, by AMD64_IMAGE_REF and by images item 1: each platform must come from exactly one build',
    },
    {
      job: 'multi-platform-source',
      title: 'an index of two images given as one platform',
      message: () =>
        `images item 1: ${baseIndexRef} is an index of 2 images (linux/amd64, linux/arm64), not a single-platform linux/arm64 image`,
    },
  ])('$job: $title', async ({ job, message }) => {
    expect(run.status(job), tail(run)).toBe('failed')
    expect(run.jobLog(job)).toContain(`ERROR: ${message()}`)
    expect(run.jobLog(job), 'an index was pushed').not.toContain('pushed the index')
    expect(run.dotenv(job)).toEqual({})
    expect(await manifestDigest(repo, 'latest')).toBe(before)
  })

  it('unreachable registry: the target cannot be written, the job says so and no tag anywhere changes', async () => {
    const log = run.jobLog('unreachable-registry')
    expect(run.status('unreachable-registry'), tail(run)).toBe('failed')
    expect(log).toMatch(/connection refused/)
    expect(log).toContain(`cannot copy ${repo}@`)
    expect(log).toContain('no tag was changed')
    expect(await manifestDigest(repo, 'latest')).toBe(before)
  })

  it('no refused merge left a tag: `latest`, on the good index, is the repository’s only tag', async () => {
    expect(await listTags(repo)).toEqual(['latest'])
  })
})
