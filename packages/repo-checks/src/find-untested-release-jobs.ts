import { GLOBAL_KEYWORDS } from '@catalog/engine'
import { type CollectionTag, parse, type ScalarTag } from 'yaml'

export interface PipelineProblem {
  job: string
  message: string
}

type Job = Record<string, unknown>

const DEFAULT_STAGES = ['.pre', 'build', 'test', 'deploy', '.post']
// `!reference [job, key]`: kept as its list; no check here reads through one.
const referenceTag: CollectionTag = { tag: '!reference', collection: 'seq', resolve: (value) => value }

/** A job's key as GitLab sees it after `extends` (the job's own value, else the last parent's that has one). */
function effective(jobs: Record<string, Job>, name: string, key: string, seen = new Set<string>()): unknown {
  const job = jobs[name]
  if (!job || seen.has(name)) return undefined
  seen.add(name)
  if (key in job) return job[key]
  const parents = job.extends === undefined ? [] : ([] as unknown[]).concat(job.extends)
  for (const parent of parents.reverse()) {
    const value = effective(jobs, String(parent), key, seen)
    if (value !== undefined) return value
  }
  return undefined
}

/** The jobs a job must wait for (`needs:` entries that are not optional), or null when it has no `needs:`. */
function hardNeeds(value: unknown): string[] | null {
  if (value === undefined) return null
  if (!Array.isArray(value)) return []
  return value.flatMap((need) => {
    if (typeof need === 'string') return [need]
    if (need && typeof need === 'object' && 'job' in need && !(need as { optional?: unknown }).optional) {
      return [String((need as { job: unknown }).job)]
    }
    return []
  })
}

/**
 * The release jobs (stage `release`) of `.gitlab-ci.yml` text that can run without `testJob` having passed, and
 * what is wrong with `testJob` itself: it must exist, run `npm test`, and run in every pipeline (no `rules`).
 * A job waits for the test job when it needs it, needs a job that waits for it, or has no `needs:` and a later
 * stage (it then waits for every job of the earlier stages).
 */
export function findUntestedReleaseJobs(text: string, testJob: string): PipelineProblem[] {
  const config = parse(text, { customTags: [referenceTag as unknown as ScalarTag] }) as Record<
    string,
    unknown
  >
  const all = Object.fromEntries(
    Object.entries(config ?? {}).filter(
      ([name, job]) => !GLOBAL_KEYWORDS.has(name) && job && typeof job === 'object',
    ),
  ) as Record<string, Job>
  const jobs = Object.keys(all).filter((name) => !name.startsWith('.'))
  const stages = Array.isArray(config?.stages)
    ? ['.pre', ...(config.stages as string[]), '.post']
    : DEFAULT_STAGES
  const stageOf = (name: string) => stages.indexOf(String(effective(all, name, 'stage') ?? 'test'))

  if (!jobs.includes(testJob))
    return [{ job: testJob, message: `${testJob}: no such job; the unit tests never run` }]
  const problems: PipelineProblem[] = []
  const script = ([] as unknown[]).concat(effective(all, testJob, 'script') ?? []).map(String)
  if (!script.some((line) => /\bnpm (?:run )?test\b/.test(line))) {
    problems.push({ job: testJob, message: `${testJob}: its script does not run \`npm test\`` })
  }
  for (const key of ['rules', 'only', 'except']) {
    if (effective(all, testJob, key) !== undefined) {
      problems.push({
        job: testJob,
        message: `${testJob}: has \`${key}:\`, so a pipeline can release without it; it must run in every pipeline`,
      })
    }
  }

  const gated = new Map<string, boolean>()
  const waitsForTests = (name: string, path: Set<string> = new Set()): boolean => {
    if (name === testJob) return true
    const known = gated.get(name)
    if (known !== undefined) return known
    if (path.has(name) || !jobs.includes(name)) return false
    path.add(name)
    const needs = hardNeeds(effective(all, name, 'needs'))
    const result =
      needs === null ? stageOf(testJob) < stageOf(name) : needs.some((need) => waitsForTests(need, path))
    gated.set(name, result)
    return result
  }
  for (const name of jobs) {
    if (effective(all, name, 'stage') !== 'release' || waitsForTests(name)) continue
    const needs = hardNeeds(effective(all, name, 'needs'))
    problems.push({
      job: name,
      message:
        needs === null
          ? `${name}: runs in a stage before ${testJob}'s, so it does not wait for the unit tests`
          : `${name}: needs [${needs.join(', ')}], none of which waits for ${testJob}: add ${testJob} to its needs`,
    })
  }
  return problems
}
