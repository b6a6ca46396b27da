// Every component rendered with its defaults, as GitLab renders it, checked for what makes it hold in any
// project: its own job variables carry the catalog's prefix (project, group and instance CI/CD variables take
// precedence over a job's `variables:`, so a generic name could be replaced), list inputs are never expanded
// by the runner, and inputs with surprising results are refused with GitLab's message.
import { readdirSync, readFileSync } from 'node:fs'
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

/** The component rendered with its defaults; kaniko-proxy's include of kaniko's template rendered and merged in. */
function renderedJobs(name: string): Record<string, Record<string, unknown>> {
  const source = readFileSync(join(templates, name, 'template.yml'), 'utf8')
  const result = render(source, { inputs: {} })
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
