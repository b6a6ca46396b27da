// The catalog's own pipeline runs every scenario in test/pipelines/ as a child pipeline on GitLab.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url).pathname
const pipelines = join(root, 'test/pipelines')

describe('.gitlab-ci.yml', () => {
  it('triggers a child pipeline for every scenario file', () => {
    const scenarios = readdirSync(pipelines, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.gitlab-ci.yml'))
      .map((file) => relative(pipelines, join(pipelines, file)).replace(/\.gitlab-ci\.yml$/, ''))
      .sort()
    const config = parse(readFileSync(join(root, '.gitlab-ci.yml'), 'utf8'), {
      customTags: [{ tag: '!reference', collection: 'seq', resolve: (value) => value }],
    }) as Record<
      string,
      { variables?: { SCENARIO?: string }; parallel?: { matrix?: { SCENARIO?: string[] | string }[] } }
    >
    const triggered = new Set<string>()
    for (const job of Object.values(config)) {
      if (typeof job !== 'object' || job === null) continue
      if (job.variables?.SCENARIO) triggered.add(job.variables.SCENARIO)
      for (const entry of job.parallel?.matrix ?? [])
        for (const scenario of [entry.SCENARIO ?? []].flat()) triggered.add(scenario)
    }
    expect(scenarios.filter((scenario) => !triggered.has(scenario))).toEqual([])
    expect([...triggered].filter((scenario) => !scenarios.includes(scenario))).toEqual([])
  })
})
