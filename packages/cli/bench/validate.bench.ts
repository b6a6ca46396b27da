/**
 * `catalog validate` on the third-party-shaped corpus (`packages/rules/test/corpus/<catalog>/`): per rule, how many
 * findings fired, how many are in the catalog's hand-written `expected.json` (true) and how many are not
 * (misfired), and per catalog the wall time of the built bin (a fresh process, every rule, shellcheck included),
 * median of `--runs` runs; then the same for one catalog made of all the corpus components together (15).
 *
 * Usage: npx tsx packages/cli/bench/validate.bench.ts [--runs 5] [--bin <another build's bin/catalog.js>]
 * [--corpus <dir>] (`--bin` compares another build, e.g. an older checkout, on the same corpus; `--corpus` reads a
 * copy, e.g. one with a package.json per catalog for a build that needs one to find the catalog root). Builds the CLI first with turbo
 * (cached). Leaves nothing behind (the combined catalog lives in a temporary directory, removed at the end).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

interface Finding {
  file: string
  line: number
  rule: string
  severity: string
}

const { values } = parseArgs({
  options: { runs: { type: 'string' }, bin: { type: 'string' }, corpus: { type: 'string' } },
})
const runs = Math.max(1, Number(values.runs ?? 5))
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const bin = values.bin ?? join(repoRoot, 'packages/cli/bin/catalog.js')
const corpusDir = values.corpus ?? join(repoRoot, 'packages/rules/test/corpus')

function validate(cwd: string): { findings: Finding[]; ms: number } {
  const started = performance.now()
  const result = spawnSync(process.execPath, [bin, 'validate', '--json'], { cwd, encoding: 'utf8' })
  const ms = performance.now() - started
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`validate failed in ${cwd}: ${result.stderr}`)
  return { findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings, ms }
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

if (!values.bin)
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@catalog/cli...'], { stdio: 'ignore' })

const catalogs = readdirSync(corpusDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const perRule = new Map<string, { fired: number; true: number; misfired: number; missed: number }>()
const row = (rule: string) => {
  let entry = perRule.get(rule)
  if (!entry) {
    entry = { fired: 0, true: 0, misfired: 0, missed: 0 }
    perRule.set(rule, entry)
  }
  return entry
}
const timings: { catalog: string; components: number; ms: number }[] = []
const key = (finding: Finding) => `${finding.file}:${finding.line}:${finding.rule}`

for (const name of catalogs) {
  const root = join(corpusDir, name)
  const expected = new Set(
    (JSON.parse(readFileSync(join(root, 'expected.json'), 'utf8')) as Finding[]).map(key),
  )
  const times: number[] = []
  let findings: Finding[] = []
  for (let run = 0; run < runs; run++) {
    const result = validate(root)
    times.push(result.ms)
    findings = result.findings
  }
  const fired = new Set<string>()
  for (const finding of findings) {
    fired.add(key(finding))
    const entry = row(finding.rule)
    entry.fired++
    if (expected.has(key(finding))) entry.true++
    else entry.misfired++
  }
  for (const item of expected) if (!fired.has(item)) row(item.split(':').at(-1) ?? '').missed++
  const components = readdirSync(join(root, 'templates'), { withFileTypes: true }).filter(
    (entry) => entry.isDirectory() || entry.name.endsWith('.yml'),
  ).length
  timings.push({ catalog: name, components, ms: median(times) })
}

// All corpus components in one catalog (helper files kept at their paths, so local includes still resolve).
const combined = mkdtempSync(join(tmpdir(), 'catalog-validate-bench-'))
try {
  writeFileSync(join(combined, 'README.md'), '# Combined corpus\n')
  writeFileSync(
    join(combined, 'package.json'),
    '{"name": "combined", "description": "All corpus components."}\n',
  )
  for (const name of catalogs)
    cpSync(join(corpusDir, name, 'templates'), join(combined, 'templates'), { recursive: true })
  const times: number[] = []
  let count = 0
  for (let run = 0; run < runs; run++) {
    times.push(validate(combined).ms)
  }
  count = readdirSync(join(combined, 'templates'), { withFileTypes: true }).filter(
    (entry) => entry.name !== 'shared',
  ).length
  timings.push({ catalog: 'all of the above in one catalog', components: count, ms: median(times) })
} finally {
  rmSync(combined, { recursive: true, force: true })
}

console.log(`catalog validate on the corpus (${bin}), default profile\n`)
console.log('| rule | fired | true | misfired | missed |\n| --- | ---: | ---: | ---: | ---: |')
const totals = { fired: 0, true: 0, misfired: 0, missed: 0 }
for (const [rule, entry] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`| \`${rule}\` | ${entry.fired} | ${entry.true} | ${entry.misfired} | ${entry.missed} |`)
  for (const field of ['fired', 'true', 'misfired', 'missed'] as const) totals[field] += entry[field]
}
console.log(`| all | ${totals.fired} | ${totals.true} | ${totals.misfired} | ${totals.missed} |\n`)
console.log(`| catalog | components | validate, median of ${runs} (s) |\n| --- | ---: | ---: |`)
for (const { catalog, components, ms } of timings)
  console.log(`| ${catalog} | ${components} | ${(ms / 1000).toFixed(2)} |`)
