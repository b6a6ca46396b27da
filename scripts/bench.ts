// Measures `catalog validate` over the whole catalog next to gitlab-ci-local's `--preview` of the same scenario
// files, in one run, and prints absolute times and the ratio; then runs the engine's own bench (runEngineBench).
// validate runs as the built bin (`node packages/cli/bin/catalog.js validate --json`, a fresh process, all rules,
// shellcheck included), built first with turbo (cached). gitlab-ci-local runs `--preview --file <scenario>` once
// per scenario, in a throwaway git copy of templates/ and test/ whose remote and HEAD make it resolve the
// scenarios' self-include `$CI_SERVER_FQDN/$CI_PROJECT_PATH/<name>@$CI_COMMIT_SHA` onto the working tree.
// Needs git, shellcheck and the repo's node_modules. Usage: npm run bench [-- --runs 5]
// Leaves behind: nothing (the temporary copy is removed).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { $, argv } from 'zx'
import { runEngineBench } from '../packages/engine/bench/render.bench.js'

$.verbose = false
$.quiet = true

const flags = argv as { runs?: number }
const runs = Math.max(1, Number(flags.runs ?? 3))
const repoRoot = new URL('..', import.meta.url).pathname.replace(/\/$/, '')
const catalogBin = join(repoRoot, 'packages/cli/bin/catalog.js')
const gitlabCiLocal = join(repoRoot, 'node_modules/.bin/gitlab-ci-local')
const SERVER_HOST = 'gitlab.bench.test'
const PROJECT_PATH = 'catalog/container-build-catalog'

interface ValidateSummary {
  components: number
  scenarios: number
  errors: number
  warnings: number
  durationMs: number
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.gitlab-ci.yml'))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)))
    .sort()
}

async function benchValidate(): Promise<{ seconds: number[]; summary: ValidateSummary }> {
  const seconds: number[] = []
  let summary: ValidateSummary | undefined
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    // Findings are not a failure here: the bench measures, `npm run catalog` judges.
    const result = await $({ cwd: repoRoot, nothrow: true })`node ${catalogBin} validate --json`
    seconds.push((performance.now() - start) / 1000)
    if (result.exitCode !== 0 && result.exitCode !== 1) {
      throw new Error(`catalog validate failed to run (exit ${result.exitCode}): ${result.stderr.trim()}`)
    }
    summary = (JSON.parse(result.stdout) as { summary: ValidateSummary }).summary
  }
  if (!summary) throw new Error('catalog validate did not run')
  return { seconds, summary }
}

async function benchPreview(files: string[]): Promise<{ seconds: number; failed: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-bench-'))
  try {
    cpSync(join(repoRoot, 'templates'), join(dir, 'templates'), { recursive: true })
    cpSync(join(repoRoot, 'test'), join(dir, 'test'), { recursive: true })
    const git = $({
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Bench',
        GIT_AUTHOR_EMAIL: 'bench@example.com',
        GIT_COMMITTER_NAME: 'Bench',
        GIT_COMMITTER_EMAIL: 'bench@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    })
    await git`git init -q -b main`
    await git`git remote add origin ${`https://${SERVER_HOST}/${PROJECT_PATH}.git`}`
    await git`git add -A`
    await git`git -c commit.gpgsign=false commit -q -m bench`
    const sha = (await git`git rev-parse HEAD`).stdout.trim()
    const variables = { CI_SERVER_FQDN: SERVER_HOST, CI_PROJECT_PATH: PROJECT_PATH, CI_COMMIT_SHA: sha }
    const variableFlags = Object.entries(variables).flatMap(([key, value]) => [
      '--variable',
      `${key}=${value}`,
    ])
    const ignore = ['--ignore-predefined-vars', Object.keys(variables).join(',')]
    const failed: string[] = []
    const start = performance.now()
    for (const file of files) {
      const result = await $({
        cwd: dir,
        nothrow: true,
      })`${gitlabCiLocal} --preview --file ${file} ${ignore} ${variableFlags}`
      if (result.exitCode !== 0) failed.push(file)
    }
    return { seconds: (performance.now() - start) / 1000, failed }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log('building the CLI (turbo, cached)…')
await $({ cwd: repoRoot })`npx turbo run build --filter=@catalog/cli --output-logs=errors-only`

const files = scenarioFiles(join(repoRoot, 'test/pipelines'))
const validate = await benchValidate()
const preview = await benchPreview(files)
const validateSeconds = median(validate.seconds)
const { summary } = validate

console.log('')
console.log(
  `catalog validate (built bin, fresh process, all rules incl. shellcheck): ${validateSeconds.toFixed(2)} s median of ${runs} (${validate.seconds.map((s) => s.toFixed(2)).join(', ')}); in-process ${(summary.durationMs / 1000).toFixed(2)} s`,
)
console.log(
  `  over ${summary.components} components and ${summary.scenarios} scenarios: ${summary.errors} errors, ${summary.warnings} warnings`,
)
console.log(
  `gitlab-ci-local --preview over the same ${files.length} scenario files: ${preview.seconds.toFixed(2)} s (${(preview.seconds / Math.max(1, files.length)).toFixed(2)} s per file)${preview.failed.length ? `; failed: ${preview.failed.join(', ')}` : ''}`,
)
console.log(
  `ratio: validate is ${(preview.seconds / validateSeconds).toFixed(1)}x faster than gitlab-ci-local's preview alone`,
)
console.log(
  `goals: faster than the preview ${validateSeconds < preview.seconds ? 'met' : 'NOT met'}; under 2 s ${validateSeconds < 2 ? 'met' : 'NOT met'}`,
)

console.log('')
console.log('engine (packages/engine/bench/render.bench.ts):')
const engine = await runEngineBench()
console.log(
  `  engine:           ${engine.engineFilesPerSecond.toFixed(0)} files/s (${(1000 / engine.engineFilesPerSecond).toFixed(3)} ms/file)`,
)
console.log(`  gitlab-ci-local:  ${engine.gclSecondsPerFile.toFixed(2)} s/file (--preview, mean of 3 runs)`)
console.log(`  ratio:            engine is ${engine.ratio.toFixed(0)}x faster per file`)
