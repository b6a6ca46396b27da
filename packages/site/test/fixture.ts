import type { SiteComponent, SiteInput, SiteInputSpec } from '../src/index.js'

const input = (name: string, extra: Partial<SiteInputSpec> = {}): SiteInputSpec => ({
  name,
  type: 'string',
  hasDefault: true,
  default: '',
  ...extra,
})

export const HOSTILE = '<img src=x onerror="window.__pwned=1">'
export const SCRIPT_BREAKOUT = '</script><script>window.__pwned=2</script>'

const kaniko: SiteComponent = {
  name: 'kaniko',
  file: 'templates/kaniko/template.yml',
  meta: {
    summary: 'Daemonless image build with kaniko.',
    outputs: [
      { name: 'IMAGE_DIGEST', description: 'The pushed digest.' },
      { name: 'IMAGE_REF', description: 'The image reference with its digest.' },
    ],
    runner: { privileged: false, requirements: ['Docker or Kubernetes executor'] },
    limits: ['Kaniko is archived upstream; prefer `buildah`.'],
    minimumGitlab: '17.0',
  },
  spec: {
    ok: true,
    spec: {
      description: 'Builds an image from a Dockerfile without a Docker daemon.',
      inputs: {
        job_name: input('job_name', { default: 'kaniko-build', description: 'The job name.' }),
        stage: input('stage', { default: 'build' }),
        image_name: input('image_name', {
          hasDefault: false,
          default: undefined,
          description: 'Image to push.',
        }),
        cache_ttl: input('cache_ttl', { type: 'number', hasDefault: false, default: undefined }),
        log_level: input('log_level', { default: 'info', options: ['debug', 'info', 'warn'] }),
        context: input('context', { default: '.', regex: '^[\\w./-]+$' }),
      },
    },
  },
}

const buildah: SiteComponent = {
  name: 'buildah',
  file: 'templates/buildah/template.yml',
  meta: {
    summary: 'Rootless builds with buildah.',
    outputs: [],
    runner: { privileged: true, requirements: ['fuse-overlayfs'] },
    limits: [],
  },
  spec: {
    ok: true,
    spec: { inputs: { extra_tags: input('extra_tags', { type: 'array', default: [] }) } },
  },
}

const hostile: SiteComponent = {
  name: 'hostile',
  file: 'templates/hostile/template.yml',
  meta: {
    summary: `Summary ${HOSTILE}`,
    outputs: [{ name: `OUT${HOSTILE}`, description: SCRIPT_BREAKOUT }],
    runner: { privileged: false, requirements: [HOSTILE] },
    limits: [SCRIPT_BREAKOUT],
    minimumGitlab: HOSTILE,
  },
  spec: {
    ok: true,
    spec: {
      description: `Description ${HOSTILE} [link](javascript:alert(1)) \`${HOSTILE}\``,
      inputs: {
        [`x${SCRIPT_BREAKOUT}`]: input(`x${SCRIPT_BREAKOUT}`, {
          hasDefault: false,
          default: undefined,
          description: HOSTILE,
          options: [HOSTILE],
          regex: SCRIPT_BREAKOUT,
        }),
        safe: input('safe', { default: HOSTILE }),
      },
    },
  },
}

/** A small catalog as plain data: two ordinary components, one hostile one, releases with a pre-release. */
export function fixtureCatalog(): SiteInput {
  return {
    components: [kaniko, hostile, buildah],
    versions: [
      {
        version: '1.2.0',
        date: '2026-10-01T10:00:00Z',
        sha: 'a'.repeat(40),
        changelog: '### kaniko\n- Add `cache_ttl`.',
      },
      {
        version: '2.0.0-rc.1',
        date: '2026-11-01T10:00:00Z',
        sha: 'c'.repeat(40),
        changelog: '### kaniko\n- Breaking: rename `image`.\n### buildah\n- New.',
      },
      {
        version: '1.10.1',
        date: '2026-10-20T10:00:00Z',
        sha: 'b'.repeat(40),
        changelog: `### kaniko\n- Fix the cache\n  on retries.\n### hostile\n- ${HOSTILE}\n### Other\n- Docs.`,
      },
      { version: 'not-semver', date: null, sha: 'd'.repeat(40), changelog: '' },
    ],
    project: {
      path: 'platform/ci/container-build-catalog',
      description: 'Container image build components.',
    },
  }
}
