/**
 * Engine throughput next to gitlab-ci-local's `--preview` of the same include, measured in one run.
 *
 * Renders `fixtures/buildx.yml` (a buildx job with 17 inputs) in a loop for about a second, then runs
 * `gitlab-ci-local --preview` a few times on a temporary git repository whose `.gitlab-ci.yml` includes the same
 * file with the same inputs, and reports files per second, seconds per file and the per-file speed ratio. Needs
 * git and the repo's `node_modules` (gitlab-ci-local 4.70.0); leaves nothing behind (the temporary repository is
 * removed). Run directly with `npx tsx packages/engine/bench/render.bench.ts`, or through the root `npm run bench`,
 * which imports `runEngineBench`.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { stringify } from 'yaml'
import { render } from '../src/index.js'

const fixture = fileURLToPath(new URL('./fixtures/buildx.yml', import.meta.url))
const gitlabCiLocal = fileURLToPath(new URL('../../../node_modules/.bin/gitlab-ci-local', import.meta.url))

const inputs = {
  job_name: 'image-build',
  image_name: 'registry.example.com/group/app',
  tags: ['1.2.3', 'latest'],
  platforms: ['linux/amd64', 'linux/arm64'],
  push: false,
  retries: 2,
  cache_mode: 'min',
}

export interface EngineBenchResult {
  engineFilesPerSecond: number
  gclSecondsPerFile: number
  /** How many times faster the engine renders one file than gitlab-ci-local previews it. */
  ratio: number
}

function benchEngine(source: string, minimumMs = 1000): number {
  for (let i = 0; i < 200; i++) render(source, { inputs }) // warm-up
  let files = 0
  const start = performance.now()
  let elapsed = 0
  while (elapsed < minimumMs) {
    for (let i = 0; i < 100; i++) {
      const result = render(source, { inputs })
      if (!result.ok) throw new Error(`the bench fixture does not render: ${result.error}`)
    }
    files += 100
    elapsed = performance.now() - start
  }
  return files / (elapsed / 1000)
}

function benchGitlabCiLocal(runs = 3): number {
  const root = mkdtempSync(join(tmpdir(), 'engine-bench-'))
  try {
    cpSync(fixture, join(root, 'templates', 'buildx.yml'))
    writeFileSync(
      join(root, '.gitlab-ci.yml'),
      stringify({ stages: ['build'], include: [{ local: 'templates/buildx.yml', inputs }] }),
    )
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        [
          '-c',
          'user.name=Bench',
          '-c',
          'user.email=bench@example.com',
          '-c',
          'commit.gpgsign=false',
          ...args,
        ],
        {
          cwd: root,
          stdio: 'ignore',
        },
      )
    git('init', '-q', '-b', 'main')
    git('add', '-A')
    git('commit', '-q', '-m', 'bench')
    const seconds: number[] = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      execFileSync(gitlabCiLocal, ['--preview'], { cwd: root, stdio: 'ignore', timeout: 120_000 })
      seconds.push((performance.now() - start) / 1000)
    }
    return seconds.reduce((sum, each) => sum + each, 0) / seconds.length
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

export async function runEngineBench(): Promise<EngineBenchResult> {
  const source = readFileSync(fixture, 'utf8')
  const engineFilesPerSecond = benchEngine(source)
  const gclSecondsPerFile = benchGitlabCiLocal()
  return { engineFilesPerSecond, gclSecondsPerFile, ratio: engineFilesPerSecond * gclSecondsPerFile }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runEngineBench()
  console.log(
    `engine:           ${result.engineFilesPerSecond.toFixed(0)} files/s (${(1000 / result.engineFilesPerSecond).toFixed(3)} ms/file)`,
  )
  console.log(`gitlab-ci-local:  ${result.gclSecondsPerFile.toFixed(2)} s/file (--preview, mean of 3 runs)`)
  console.log(`ratio:            engine is ${result.ratio.toFixed(0)}x faster per file (goal: >= 20x)`)
}
