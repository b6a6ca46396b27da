// Every component rendered with its defaults, as GitLab renders it, checked for what makes it hold in any
// project: its own job variables carry the catalog's prefix (project, group and instance CI/CD variables take
// precedence over a job's `variables:`, so a generic name could be replaced), list inputs are never expanded
// by the runner, and inputs with surprising results are refused with GitLab's message.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { render } from '@catalog/engine'
import { describe, expect, it } from 'vitest'

const templates = new URL('../../templates/', import.meta.url).pathname
const components = readdirSync(templates).sort()
const PREFIX = 'CONTAINER_BUILD_'
/** Variables that configure a tool keep the tool's name: the component sets them for that tool. */
const TOOL_VARIABLES = new Set([
  'DOCKER_HOST',
  'DOCKER_TLS_CERTDIR',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'GIT_STRATEGY',
])

/** The component rendered with its defaults (or `inputs`); kaniko-proxy's include of kaniko's template rendered and merged in. */
function renderedJobs(
  name: string,
  inputs: Record<string, unknown> = {},
): Record<string, Record<string, unknown>> {
  const source = readFileSync(join(templates, name, 'template.yml'), 'utf8')
  const result = render(source, { inputs })
  if (!result.ok) throw new Error(`${name}: ${result.error}`)
  const config = result.config as Record<string, unknown>
  const jobs: Record<string, Record<string, unknown>> = {}
  for (const include of (config.include as { local?: string; inputs?: unknown }[] | undefined) ?? []) {
    const inner = render(readFileSync(join(templates, '..', include.local ?? ''), 'utf8'), {
      inputs: include.inputs,
    })
    if (!inner.ok) throw new Error(`${name} → ${include.local}: ${inner.error}`)
    Object.assign(jobs, inner.config)
  }
  for (const [key, value] of Object.entries(config)) {
    if (key === 'include') continue
    const before = jobs[key] ?? {}
    const variables = {
      ...(before.variables as object),
      ...((value as Record<string, unknown>).variables as object),
    }
    jobs[key] = { ...before, ...(value as Record<string, unknown>), variables }
  }
  return jobs
}

describe.each(components)('%s', (name) => {
  const jobs = renderedJobs(name)

  it('names every variable it sets for itself with the catalog prefix', () => {
    const unprefixed = Object.entries(jobs).flatMap(([job, body]) =>
      Object.keys((body.variables as Record<string, unknown>) ?? {})
        .filter((variable) => !variable.startsWith(PREFIX) && !TOOL_VARIABLES.has(variable))
        .map((variable) => `${job}: ${variable}`),
    )
    expect(unprefixed).toEqual([])
  })

  it('keeps list inputs unexpanded (expand: false) so one item stays one argument', () => {
    const lists = Object.values(jobs).flatMap((body) =>
      Object.entries((body.variables as Record<string, unknown>) ?? {}).filter(([, value]) =>
        (typeof value === 'string' ? value : ((value as { value?: string }).value ?? '')).startsWith('['),
      ),
    )
    expect(lists.length).toBeGreaterThan(0)
    for (const [variable, value] of lists) expect(value, variable).toMatchObject({ expand: false })
  })

  it.each(['.hidden', '', 'two\nlines', ' leading space'])(
    "refuses job_name %j with GitLab's message",
    (jobName) => {
      const result = render(readFileSync(join(templates, name, 'template.yml'), 'utf8'), {
        inputs: { job_name: jobName },
      })
      expect(result.ok ? '' : result.error).toBe(
        '`job_name` input: provided value does not match required RegEx pattern',
      )
    },
  )
})

describe('inputs with surprising results are refused', () => {
  const renderWith = (name: string, inputs: Record<string, unknown>) => {
    const result = render(readFileSync(join(templates, name, 'template.yml'), 'utf8'), { inputs })
    return result.ok ? 'rendered' : result.error
  }

  it.each(['buildx-cache', 'kaniko', 'kaniko-proxy', 'buildah'])(
    '%s: an empty context (the Dockerfile would be /Dockerfile)',
    (name) => {
      expect(renderWith(name, { context: '' })).toBe(
        '`context` input: provided value does not match required RegEx pattern',
      )
    },
  )

  it('buildx-cache: a buildkit_image with a comma (buildx would read driver options from it)', () => {
    expect(renderWith('buildx-cache', { buildkit_image: 'moby/buildkit:v1,network=host' })).toBe(
      '`buildkit_image` input: provided value does not match required RegEx pattern',
    )
  })
})

/** GitLab's `extends`: the hidden jobs merged in order (hashes deeply, anything else replaced), the job's own keys last. */
function withExtends(jobs: Record<string, Record<string, unknown>>, job: string): Record<string, unknown> {
  const merge = (base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...base }
    for (const [key, value] of Object.entries(over)) {
      const before = out[key]
      const isHash = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
      out[key] =
        isHash(before) && isHash(value)
          ? merge(before as Record<string, unknown>, value as Record<string, unknown>)
          : value
    }
    return out
  }
  const body = jobs[job] ?? {}
  let merged: Record<string, unknown> = {}
  for (const parent of (body.extends as string[] | undefined) ?? [])
    merged = merge(merged, jobs[parent] ?? {})
  const { extends: _, ...own } = body
  return merge(merged, own)
}

describe('runner tags, one platform per job, dotenv prefixes', () => {
  const builders = ['buildx-cache', 'buildkit', 'kaniko', 'kaniko-proxy', 'buildah']
  const jobs = [...builders, 'manifest']

  it.each(jobs)('%s: no `tags:` at all by default, so the pipeline’s default:tags still apply', (name) => {
    const job = withExtends(renderedJobs(name), name)
    expect(job.script, 'the job itself').toBeDefined()
    expect(Object.keys(job)).not.toContain('tags')
  })

  it.each(jobs)('%s: the `tags` input becomes the job’s tags, variables and all', (name) => {
    const job = withExtends(renderedJobs(name, { tags: ['saas-linux-small-arm64', '$ARM64_RUNNER'] }), name)
    expect(job.tags).toEqual(['saas-linux-small-arm64', '$ARM64_RUNNER'])
  })

  it.each(builders)(
    '%s: platform, platform_tag and output_prefix reach the job as prefixed variables',
    (name) => {
      const job = withExtends(
        renderedJobs(name, {
          platform: 'linux/arm64/v8',
          platform_tag: 'arm64-$CI_COMMIT_SHORT_SHA',
          output_prefix: 'ARM64_',
        }),
        name,
      )
      expect(job.variables).toMatchObject({
        CONTAINER_BUILD_PLATFORM: 'linux/arm64/v8',
        CONTAINER_BUILD_PLATFORM_TAG: 'arm64-$CI_COMMIT_SHORT_SHA',
        CONTAINER_BUILD_OUTPUT_PREFIX: 'ARM64_',
      })
    },
  )

  it.each(
    builders.flatMap(
      (name) =>
        [
          [name, { output_prefix: 'ARM64' }, 'output_prefix'],
          [name, { output_prefix: '1ARM_' }, 'output_prefix'],
          [name, { platform: 'linux/amd64,linux/arm64' }, 'platform'],
          [name, { platform: 'arm64' }, 'platform'],
        ] as [string, Record<string, unknown>, string][],
    ),
  )("%s: refuses %j with GitLab's message", (name, inputs, input) => {
    const result = render(readFileSync(join(templates, name, 'template.yml'), 'utf8'), { inputs })
    expect(result.ok ? 'rendered' : result.error).toBe(
      `\`${input}\` input: provided value does not match required RegEx pattern`,
    )
  })
})

describe('manifest: the platform and JSON helpers of its script', () => {
  const script = ((renderedJobs('manifest').manifest?.script ?? []) as string[]).join('\n')
  const fn = (name: string) => new RegExp(`^${name}\\(\\) \\{[\\s\\S]*?^\\}$`, 'm').exec(script)?.[0]
  const shells = [
    ['bash'],
    ['dash'],
    ...(existsSync('/opt/catalog-e2e/busybox/1.37.0/busybox')
      ? [['/opt/catalog-e2e/busybox/1.37.0/busybox', 'sh']]
      : []),
  ]
  const call = (shell: string[], body: string, args: string[]) => {
    const [command = 'sh', ...rest] = shell
    return spawnSync(command, [...rest, '-c', `${body}\n"$@"`, 'sh', ...args], { encoding: 'utf8' })
  }

  it('finds both functions in the rendered script', () => {
    expect(fn('normalize_platform')).toBeDefined()
    expect(fn('json_string')).toBeDefined()
  })

  it.each(shells)('normalize_platform compares platforms as containerd normalizes them (%s)', (...shell) => {
    const cases: [string, string | null][] = [
      ['linux/amd64', 'linux/amd64'],
      ['linux/amd64/v1', 'linux/amd64'],
      ['linux/x86_64', 'linux/amd64'],
      ['Linux/AMD64', 'linux/amd64'],
      ['linux/arm64', 'linux/arm64'],
      ['linux/arm64/v8', 'linux/arm64'],
      ['linux/aarch64', 'linux/arm64'],
      ['linux/arm', 'linux/arm/v7'],
      ['linux/arm/7', 'linux/arm/v7'],
      ['linux/armhf', 'linux/arm/v7'],
      ['linux/arm/v6', 'linux/arm/v6'],
      ['linux/amd64/v3', 'linux/amd64/v3'],
      ['linux/386', 'linux/386'],
      ['linux', null],
      ['linux/', null],
      ['/amd64', null],
      ['linux/arm64/v8/x', null],
      ['linux/amd 64', null],
      ['', null],
    ]
    // One shell for all cases (spawns are slow on a busy machine): one line per case, `!` where it refused.
    const loop =
      'each() { for p do if out=$(normalize_platform "$p"); then printf \'%s\\n\' "$out"; else echo !; fi; done; }'
    const result = call(shell, `${fn('normalize_platform')}\n${loop}`, [
      'each',
      ...cases.map(([input]) => input),
    ])
    expect(result.stdout.split('\n').slice(0, -1)).toEqual(cases.map(([, expected]) => expected ?? '!'))
  })

  it.each(shells)('json_string quotes any text as a JSON string (%s)', (...shell) => {
    const texts = ['plain', 'a "quoted" \\ value', 'tab\tand\nnewline', 'é ü ✓', '', '$HOME `x` %s']
    const loop = 'each() { for t do json_string "$t"; echo; done; }'
    const result = call(shell, `${fn('json_string')}\n${loop}`, ['each', ...texts])
    expect(result.status, result.stderr).toBe(0)
    expect(
      result.stdout
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line)),
    ).toEqual(texts)
  })
})
