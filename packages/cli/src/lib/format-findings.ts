import { createHash } from 'node:crypto'
import type { Finding } from '@catalog/rules'

export interface ValidateSummary {
  components: number
  scenarios: number
  errors: number
  warnings: number
  /** Findings silenced by `# catalog-validate: ignore` comments. */
  suppressed: number
  /** The profile the rules ran under. */
  profile: string
  durationMs: number
}

/** `file:line: rule: message`, with `warning: ` before the message of warnings. */
export function formatFinding(finding: Finding): string {
  const severity = finding.severity === 'warning' ? 'warning: ' : ''
  return `${finding.file}:${finding.line}: ${finding.rule}: ${severity}${finding.message}`
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

export function formatSummary(summary: ValidateSummary): string {
  const suppressed = summary.suppressed > 0 ? `, ${summary.suppressed} suppressed` : ''
  return `catalog validate: ${plural(summary.components, 'component')}, ${plural(summary.scenarios, 'scenario')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${suppressed} (${summary.profile} profile, ${(summary.durationMs / 1000).toFixed(2)} s)`
}

export interface CodeQualityIssue {
  description: string
  check_name: string
  fingerprint: string
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker'
  location: { path: string; lines: { begin: number } }
}

/**
 * GitLab's Code Quality report. The fingerprint hashes rule, file and message (not the line, so moving code
 * does not make a finding look new), plus a counter for repeats.
 */
export function toCodeQuality(findings: Finding[]): CodeQualityIssue[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    const key = `${finding.rule}\0${finding.file}\0${finding.message}`
    const count = seen.get(key) ?? 0
    seen.set(key, count + 1)
    return {
      description: `${finding.rule}: ${finding.message}`,
      check_name: finding.rule,
      fingerprint: createHash('md5').update(`${key}\0${count}`).digest('hex'),
      severity: finding.severity === 'error' ? 'major' : 'minor',
      location: { path: finding.file, lines: { begin: finding.line } },
    }
  })
}

export function summarize(
  findings: Finding[],
  counts: { components: number; scenarios: number; suppressed: number; config: { profile: string } },
  durationMs: number,
): ValidateSummary {
  return {
    components: counts.components,
    scenarios: counts.scenarios,
    errors: findings.filter((finding) => finding.severity === 'error').length,
    warnings: findings.filter((finding) => finding.severity === 'warning').length,
    suppressed: counts.suppressed,
    profile: counts.config.profile,
    durationMs: Math.round(durationMs),
  }
}
