// Measures every builder component in container mode, as the end-to-end suite runs it (test/e2e/runner/: the job
// in the component's local image, services as siblings, only dind privileged), side by side in one run:
//   cold       empty registry cache (a registry namespace new to this run),
//   warm       only test/fixtures/app/version.txt changed (a new commit), on a fresh runner: new job and service
//              containers, so the registry cache is the only cache there is,
//   no-change  the same commit again, on a fresh runner.
// Builders: buildx-cache with its default `docker-container` builder and with `builder: docker` (both in a
// Docker-in-Docker service), kaniko (the fork's local debug image), buildah (its local image; the runner relaxes
// seccomp, see test/e2e/README.md), buildkit (the local rootless image; the runner adds the namespace system calls
// to Docker's seccomp profile, test/e2e/lib/local.ts). Reports the job's seconds (the pipeline's time minus the render/merge step
// GitLab does before any job runs, measured just before), warm/cold (goal ≤ 0.3), and the share of steps each
// builder reports as served from cache (test/e2e/lib/cache-report.ts): in the warm build those above the changed
// COPY, in the no-change build all of them. Then the Go build time of the pinned tools (tool-versions.yml): cold
// (an empty temporary GOCACHE; modules come from the machine's GOMODCACHE, already downloaded) and cached (the
// same GOCACHE again), built beside the stack's binaries under a `bench-` name, never over them.
// Needs root and the local stack (`npx tsx scripts/e2e-stack.ts up`, brought up here when down). Other runs on the
// same daemon do not break it, but they make the seconds noisy: compare only figures from one run.
// With `--go-jobs`, also the whole Go build from nothing (empty GOCACHE and GOMODCACHE, as on a fresh CI machine),
// one tool at a time against two at a time, side by side (`--builders none --no-go --go-jobs` for that alone).
// Usage: npm run bench:builds [-- --runs 3] [--builders kaniko,buildah] [--no-go] [--go-tools kaniko] [--go-jobs]
//   [--logs <dir>]
// `--runs N` repeats the three builds N times, builders taking turns, each run with a cache of its own, and
// reports the median seconds and the hits over all runs; `--logs` keeps each build job's log as
// <dir>/<builder>-<run>-<phase>.log, to see which step missed the cache.
// Leaves behind: images and caches under <registry>/e2e-<run>/…/bench/ in the local registry; workspaces, the
// temporary GOCACHE and the bench binaries are removed.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { $, argv, fs } from 'zx'
import { buildahSteps, buildkitSteps, kanikoSteps, type Step } from '../test/e2e/lib/cache-report.js'
import { buildahRunner, buildkitRunner } from '../test/e2e/lib/local.js'
import { planLocalScenario, type RunOptions, runScenario, tail } from '../test/e2e/lib/pipeline.js'
import { createWorkspace, type Workspace } from '../test/e2e/lib/workspace.js'
import { up } from './lib/e2e-stack.js'
import { buildEach, buildGoTool, goToolDir } from './lib/go-tools.js'
import { type GoTool, toolVersions } from './lib/tool-versions.js'

$.verbose = false
$.quiet = true

const flags = argv as {
  builders?: string
  go?: boolean
  'go-tools'?: string
  'go-jobs'?: boolean
  logs?: string
  runs?: number
}
const runs = Math.max(1, Number(flags.runs ?? 1))

// ---------------------------------------------------------------- what is measured (pure)

const PHASES = ['cold', 'warm', 'no-change'] as const
type Phase = (typeof PHASES)[number]

const CONTEXT = 'test/fixtures'
/** The file the warm build changes, relative to CONTEXT: only the layers from its COPY on must rebuild. */
const CHANGED_FILE = 'app/version.txt'
const JOB = 'build'

interface BenchBuilder {
  name: string
  component: string
  /** Inputs beyond the ones every bench scenario sets (context, image, build args). */
  inputs: Record<string, unknown>
  runner?: RunOptions['runner']
  steps: (log: string) => Step[]
}

const BUILDERS: BenchBuilder[] = [
  { name: 'buildx-cache (docker-container)', component: 'buildx-cache', inputs: {}, steps: buildkitSteps },
  {
    name: 'buildx-cache (builder: docker)',
    component: 'buildx-cache',
    inputs: { builder: 'docker' },
    steps: buildkitSteps,
  },
  { name: 'kaniko', component: 'kaniko', inputs: {}, steps: kanikoSteps },
  {
    name: 'buildah',
    component: 'buildah',
    inputs: { ca_certificate: '$TEST_REGISTRY_CA' },
    runner: buildahRunner.runner,
    steps: buildahSteps,
  },
  {
    name: 'buildkit (rootless)',
    component: 'buildkit',
    inputs: { ca_certificate: '$TEST_REGISTRY_CA' },
    runner: buildkitRunner().runner,
    steps: buildkitSteps,
  },
]

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** `--builders kaniko,buildx` keeps the builders whose name starts with one of the words. */
const selectBuilders = (all: BenchBuilder[], filter?: string) => {
  const words = filter?.split(',').filter(Boolean)
  return words ? all.filter((b) => words.some((word) => b.name.startsWith(word))) : all
}

/** The bench pipeline: one build job of the component, pushing to its own repository (and cache) of this run. */
function benchScenario(builder: BenchBuilder, run: number): string {
  const inputs = {
    job_name: JOB,
    rules: [{ when: 'on_success' }],
    context: CONTEXT,
    image_name: `$CI_REGISTRY_IMAGE/bench/${slugOf(builder.name)}-${run}`,
    build_args: ['BASE_IMAGE=$BASE_IMAGE', 'REVISION=$CI_COMMIT_SHA'],
    ...builder.inputs,
  }
  return `${JSON.stringify(
    {
      stages: ['build'],
      // The project variable BASE_IMAGE (test/e2e/lib/local.ts) names the local base image instead.
      variables: { BASE_IMAGE: 'docker.io/library/busybox:1.37.0' },
      include: [
        { component: `$CI_SERVER_FQDN/$CI_PROJECT_PATH/${builder.component}@$CI_COMMIT_SHA`, inputs },
      ],
    },
    null,
    2,
  )}\n`
}

const normalise = (instruction: string) => instruction.replace(/\s+/g, ' ').trim()

/** The layer steps (RUN, COPY, ADD) written above the COPY of the changed file: a warm build can serve these from cache. */
function unchangedInstructions(dockerfile: string, changedFile: string): string[] {
  const lines = dockerfile.split('\n').map(normalise)
  const copyAt = lines.findIndex((line) => /^COPY\s/i.test(line) && line.includes(changedFile))
  if (copyAt < 0) throw new Error(`the Dockerfile does not COPY ${changedFile}`)
  return lines.slice(0, copyAt).filter((line) => /^(RUN|COPY|ADD)\s/i.test(line))
}

interface Share {
  served: number
  of: number
}

/** How many of `steps` (or of those named in `only`) the builder reported as served from cache. */
function cacheShare(steps: Step[], only?: string[]): Share {
  const wanted = only
    ? steps.filter((step) => only.some((instruction) => normalise(step.instruction) === instruction))
    : steps
  return { served: wanted.filter((step) => step.cached).length, of: wanted.length }
}

const shareText = (share: Share) =>
  share.of === 0
    ? 'no steps seen'
    : `${share.served}/${share.of} (${Math.round((100 * share.served) / share.of)}%)`

interface Measure {
  seconds: number
  steps: Step[]
}
type Measures = Record<Phase, Measure>
type BuilderResult = { runs: Measures[] } | { error: string }

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

const sumShares = (shares: Share[]): Share =>
  shares.reduce((sum, share) => ({ served: sum.served + share.served, of: sum.of + share.of }), {
    served: 0,
    of: 0,
  })

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

function buildRows(results: [string, BuilderResult][], unchanged: string[]): string[][] {
  return results.map(([name, result]) => {
    if ('error' in result) return [name, `failed: ${result.error}`, '', '', '', '', '', '']
    const seconds = (phase: Phase) => median(result.runs.map((measures) => measures[phase].seconds))
    const share = (phase: Phase, only?: string[]) =>
      shareText(sumShares(result.runs.map((measures) => cacheShare(measures[phase].steps, only))))
    const ratio = seconds('warm') / seconds('cold')
    return [
      name,
      seconds('cold').toFixed(1),
      seconds('warm').toFixed(1),
      seconds('no-change').toFixed(1),
      `${ratio.toFixed(2)}${ratio <= 0.3 ? '' : ' (goal ≤ 0.3)'}`,
      share('cold'),
      share('warm', unchanged),
      share('no-change'),
    ]
  })
}

// ---------------------------------------------------------------- builds

/** Commits a change to the changed file only: the jobs check out HEAD, the pipeline runs for the new SHA. */
async function commitChange(ws: Workspace, phase: Phase): Promise<Workspace> {
  const git = $({
    cwd: ws.dir,
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.com',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.com',
    },
  })
  const file = `${CONTEXT}/${CHANGED_FILE}`
  await fs.appendFile(join(ws.dir, file), `changed for the ${phase} build ${Date.now()}\n`)
  await git`git -c commit.gpgsign=false commit -q -m ${`bench: ${phase}`} -- ${file}`
  return { ...ws, sha: (await git`git rev-parse HEAD`).stdout.trim() }
}

async function benchBuilder(builder: BenchBuilder, round: number): Promise<Measures> {
  const created = createWorkspace()
  try {
    const scenario = `bench/${slugOf(builder.name)}.gitlab-ci.yml`
    await fs.ensureDir(join(created.dir, 'bench'))
    writeFileSync(join(created.dir, scenario), benchScenario(builder, round))
    const options: RunOptions = { scenario, ...(builder.runner ? { runner: builder.runner } : {}) }
    let ws = created
    const measures: Partial<Record<Phase, Measure>> = {}
    for (const phase of PHASES) {
      if (phase === 'warm') ws = await commitChange(ws, phase)
      let started = performance.now()
      await planLocalScenario(ws, options)
      const planSeconds = (performance.now() - started) / 1000
      started = performance.now()
      const run = await runScenario(ws, options)
      const seconds = (performance.now() - started) / 1000 - planSeconds
      if (run.status(JOB) !== 'passed') throw new Error(`${phase} build ${run.status(JOB)}\n${tail(run, 40)}`)
      measures[phase] = { seconds, steps: builder.steps(run.jobLog(JOB)) }
      if (flags.logs) {
        const file = join(flags.logs, `${slugOf(builder.name)}-${round}-${phase}.log`)
        await fs.outputFile(file, run.jobLog(JOB))
      }
      console.log(`${builder.name} run ${round} ${phase}: ${seconds.toFixed(1)}s`)
    }
    return measures as Measures
  } finally {
    created.remove()
  }
}

// ---------------------------------------------------------------- Go tools

interface GoTimes {
  name: string
  version: string
  cold: number
  cached: number
}

/** Builds each tool twice into a `bench-` directory with one temporary GOCACHE: empty, then filled by the first round. */
async function benchGoBuilds(names?: string[]): Promise<GoTimes[]> {
  const go = (await $`go env GOVERSION`).stdout.trim()
  const tools = Object.values(toolVersions().go).filter((tool) => !names || names.includes(tool.name))
  const gocache = mkdtempSync(join(tmpdir(), 'catalog-bench-gocache-'))
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: not a turbo task; buildGoTool's go commands read it
  const previous = process.env.GOCACHE
  const times = new Map<string, GoTimes>()
  const benchTool = (tool: GoTool): GoTool => ({ ...tool, name: `bench-${tool.name}` })
  process.env.GOCACHE = gocache
  try {
    for (const round of ['cold', 'cached'] as const) {
      for (const tool of tools) {
        await fs.remove(goToolDir(benchTool(tool)))
        const report = await buildGoTool(benchTool(tool), go)
        const entry = times.get(tool.name) ?? { name: tool.name, version: tool.version, cold: 0, cached: 0 }
        entry[round] = report.seconds
        times.set(tool.name, entry)
        console.log(`go ${tool.name}@${tool.version} ${round}: ${report.seconds.toFixed(1)}s`)
      }
    }
  } finally {
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: as above
    if (previous === undefined) delete process.env.GOCACHE
    else process.env.GOCACHE = previous
    for (const tool of tools) await fs.remove(goToolDir(benchTool(tool)))
    await fs.remove(gocache)
  }
  return [...times.values()]
}

/**
 * The whole Go build as a fresh CI machine runs it, one tool at a time against two at a time (buildEach): each
 * round with an empty GOCACHE and an empty GOMODCACHE of its own, so both download and compile everything.
 */
async function benchGoJobs(names?: string[]): Promise<{ jobs: number; seconds: number }[]> {
  const go = (await $`go env GOVERSION`).stdout.trim()
  const tools = Object.values(toolVersions().go)
    .filter((tool) => !names || names.includes(tool.name))
    .map((tool): GoTool => ({ ...tool, name: `bench-${tool.name}` }))
  const rounds: { jobs: number; seconds: number }[] = []
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: not a turbo task; buildGoTool's go commands read them
  const previous = { GOCACHE: process.env.GOCACHE, GOMODCACHE: process.env.GOMODCACHE }
  for (const jobs of [1, 2]) {
    const gocache = mkdtempSync(join(tmpdir(), 'catalog-bench-gocache-'))
    const gomodcache = mkdtempSync(join(tmpdir(), 'catalog-bench-gomodcache-'))
    Object.assign(process.env, { GOCACHE: gocache, GOMODCACHE: gomodcache })
    try {
      for (const tool of tools) await fs.remove(goToolDir(tool))
      const started = performance.now()
      await buildEach(tools, go, jobs, (line) => console.log(`${jobs} at a time:${line}`))
      rounds.push({ jobs, seconds: (performance.now() - started) / 1000 })
      console.log(`go tools, ${jobs} at a time: ${rounds.at(-1)?.seconds.toFixed(1)}s`)
    } finally {
      for (const tool of tools) await fs.remove(goToolDir(tool))
      // The module cache is read-only on disk; the go command removes it.
      await $`go clean -modcache`.nothrow()
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
      await fs.remove(gocache)
      await fs.remove(gomodcache)
    }
  }
  return rounds
}

// ---------------------------------------------------------------- run

const builders = selectBuilders(BUILDERS, flags.builders)
const goNames = flags['go-tools']?.split(',').filter(Boolean)
console.log(
  `bench:builds: ${builders.map((b) => b.name).join(', ') || 'no builder'}${flags.go === false ? '' : '; then the Go tools, cold and cached'}`,
)
await up()
const dockerfile = await fs.readFile(new URL(`../${CONTEXT}/Dockerfile`, import.meta.url), 'utf8')
const unchanged = unchangedInstructions(dockerfile, CHANGED_FILE)

const results = new Map<string, BuilderResult>(builders.map((b) => [b.name, { runs: [] }]))
for (let round = 1; round <= runs; round++) {
  for (const builder of builders) {
    const result = results.get(builder.name)
    if (!result || 'error' in result) continue
    try {
      result.runs.push(await benchBuilder(builder, round))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      console.error(`${builder.name}: ${message}`)
      results.set(builder.name, { error: (message.split('\n')[0] ?? message).slice(0, 120) })
      process.exitCode = 1
    }
  }
}
const goTimes = flags.go === false ? [] : await benchGoBuilds(goNames)
const goJobs = flags['go-jobs'] ? await benchGoJobs(goNames) : []

console.log('')
if (results.size > 0) {
  console.log(`builds: median of ${runs} run${runs === 1 ? '' : 's'}; hits summed over the runs`)
  console.log(
    markdownTable(
      [
        'builder',
        'cold s',
        'warm s',
        'no-change s',
        'warm/cold',
        'cold: from cache',
        `warm: unchanged steps from cache (${unchanged.length})`,
        'no-change: from cache',
      ],
      buildRows([...results], unchanged),
    ),
  )
}
if (goTimes.length > 0) {
  const total = (round: 'cold' | 'cached') => goTimes.reduce((sum, t) => sum + t[round], 0).toFixed(1)
  console.log('')
  console.log(
    markdownTable(
      ['Go tool', 'version', 'cold s (empty GOCACHE)', 'cached s'],
      [
        ...goTimes.map((t) => [t.name, t.version, t.cold.toFixed(1), t.cached.toFixed(1)]),
        ['total', '', total('cold'), total('cached')],
      ],
    ),
  )
}
if (goJobs.length > 0) {
  const one = goJobs.find((round) => round.jobs === 1)?.seconds ?? Number.NaN
  console.log('')
  console.log('Go tools from nothing (empty GOCACHE and GOMODCACHE each round), in one run:')
  console.log(
    markdownTable(
      ['builds at a time', 'seconds', 'ratio to one at a time'],
      goJobs.map((round) => [String(round.jobs), round.seconds.toFixed(1), (round.seconds / one).toFixed(2)]),
    ),
  )
}
