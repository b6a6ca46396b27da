import { formatFinding, formatSummary, summarize } from './format-findings.js'
import { validateCatalog } from './validate-catalog.js'

/** Runs `catalog validate`'s checks on the repository; replaced in tests by a stand-in gate. */
export type ValidateGate = (root: string) => Promise<{ ok: boolean; summary: string }>

const SHOWN_LINES = 20

/**
 * `catalog validate` as the release's gate: the same checks (validateCatalog, no CI Lint API) and the same lines
 * (`file:line: rule: message`, then the summary), at most SHOWN_LINES of them, indented for the refusal.
 */
export const validateGate: ValidateGate = async (root) => {
  const started = performance.now()
  const report = await validateCatalog(root, { env: {} })
  const summary = summarize(report.findings, report, performance.now() - started)
  const lines = [...report.findings.map(formatFinding), formatSummary(summary)]
  const shown =
    lines.length > SHOWN_LINES
      ? [...lines.slice(0, SHOWN_LINES), `… (${lines.length - SHOWN_LINES} more lines)`]
      : lines
  return { ok: summary.errors === 0, summary: shown.map((line) => `  ${line}`).join('\n') }
}
