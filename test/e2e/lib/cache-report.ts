// Which Dockerfile steps a builder served from cache, by its own account in the build log. The reading is
// test/pipelines/lib/cache-steps.awk, the same file the GitLab scenarios' `.verify:cache-hit` job runs, here with
// busybox awk (what that job's image has) where the machine has it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface Step {
  instruction: string
  cached: boolean
}

export type CacheLogFormat = 'buildkit' | 'buildah' | 'kaniko'

const script = new URL('../../pipelines/lib/cache-steps.awk', import.meta.url).pathname
const busybox = ['/opt/catalog-e2e/busybox/1.37.0/busybox', '/bin/busybox'].find(existsSync)
const [awk, ...awkArgs] = busybox ? [busybox, 'awk'] : ['awk']

export function cacheSteps(builder: CacheLogFormat, log: string): Step[] {
  const result = spawnSync(awk as string, [...awkArgs, '-v', `builder=${builder}`, '-f', script], {
    input: log,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) throw new Error(`cache-steps.awk (${builder}): ${result.stderr || result.error}`)
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [verdict, ...rest] = line.split('\t')
      return { instruction: rest.join('\t'), cached: verdict === 'cached' }
    })
}

export const buildkitSteps = (log: string) => cacheSteps('buildkit', log)
export const buildahSteps = (log: string) => cacheSteps('buildah', log)
export const kanikoSteps = (log: string) => cacheSteps('kaniko', log)
