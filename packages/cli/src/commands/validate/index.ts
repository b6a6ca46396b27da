import { resolve } from 'node:path'
import { CONFIG_FILE, PROFILES, ruleIds } from '@catalog/rules'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { findCatalogRoot } from '../../lib/find-catalog-root.js'
import { formatFinding, formatSummary, summarize, toCodeQuality } from '../../lib/format-findings.js'
import { withSignalGuard } from '../../lib/signal-guard.js'
import { validateCatalog } from '../../lib/validate-catalog.js'
import { errnoReason, writeAllOrNothing } from '../../lib/write-all-or-nothing.js'
import { parseFlags } from '../../parse-flags.js'

const usage = `Usage: catalog validate [--profile <name>] [--json] [--format text|json|codequality] [--output <file>] [--rule <id>]...

Checks that the catalog (the current directory or the nearest one above with templates/) is publishable: every
component and every scenario under test/pipelines. Errors are what GitLab would reject or what would certainly
fail; warnings are hardening; house style runs only under the strict profile. ${CONFIG_FILE} at the catalog root
picks the profile, overrides a rule's severity and sets its options; \`# catalog-validate: ignore <rule> <reason>\`
silences one finding (on its line), a job's (on the job's key) or an input's (on the input's key).
Prints \`file:line: rule: message\` and a summary; exits 1 on any error.

Options:
  --json              Print one JSON object: { findings, summary }.
  --format <format>   text (default), json, or codequality (GitLab's Code Quality report).
  --output <file>     Write the json or codequality report to <file>; the readable log goes to stdout.
  --profile <name>    Use this profile instead of the config's: ${Object.keys(PROFILES).join(', ')}.
  --rule <id>         Run only this rule (repeatable), whatever the profile. Rules: ${ruleIds.join(', ')}.
`

const FORMATS = ['text', 'json', 'codequality'] as const
type Format = (typeof FORMATS)[number]

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      json: { type: 'boolean' },
      format: { type: 'string' },
      output: { type: 'string' },
      rule: { type: 'string', multiple: true },
      profile: { type: 'string' },
    },
    usage,
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)
  const format = (values.format ?? (values.json ? 'json' : 'text')) as Format
  if (!FORMATS.includes(format)) {
    throw new UsageError(
      `unknown --format \`${values.format}\`; expected one of ${FORMATS.join(', ')}`,
      usage,
    )
  }
  if (values.json && values.format && values.format !== 'json') {
    throw new UsageError('--json cannot be combined with --format other than json', usage)
  }
  if (values.output && format === 'text') {
    throw new UsageError('--output needs --format json or --format codequality', usage)
  }
  const unknown = (values.rule ?? []).filter((id) => !ruleIds.includes(id))
  if (unknown.length > 0) {
    throw new UsageError(`unknown rule \`${unknown[0]}\`; rules are: ${ruleIds.join(', ')}`, usage)
  }

  if (values.profile !== undefined && !(values.profile in PROFILES)) {
    throw new UsageError(
      `unknown --profile \`${values.profile}\`; expected one of ${Object.keys(PROFILES).join(', ')}`,
      usage,
    )
  }

  const started = performance.now()
  const report = await validateCatalog(findCatalogRoot(io.cwd), {
    env: io.env,
    ...(values.rule ? { only: values.rule } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
  })
  const summary = summarize(report.findings, report, performance.now() - started)
  const exitCode = summary.errors > 0 ? 1 : 0

  const machine =
    format === 'json'
      ? `${JSON.stringify({ findings: report.findings, summary }, null, 2)}\n`
      : format === 'codequality'
        ? `${JSON.stringify(toCodeQuality(report.findings), null, 2)}\n`
        : null
  if (machine !== null && !values.output) {
    io.stdout(machine)
    return exitCode
  }
  if (machine !== null && values.output) {
    const target = resolve(io.cwd, values.output)
    try {
      // Only ever the whole report: a full disk or a signal leaves the previous report (or none), not half of one.
      await withSignalGuard((guard) =>
        writeAllOrNothing([{ path: target, text: machine }], values.output as string, guard),
      )
    } catch (error) {
      if (error instanceof UserError) throw error
      throw new UserError(`cannot write ${values.output} (${errnoReason(error)})`)
    }
  }
  for (const finding of report.findings) io.stdout(`${formatFinding(finding)}\n`)
  io.stdout(`${formatSummary(summary)}\n`)
  return exitCode
}
