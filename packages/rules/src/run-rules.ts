import type { Catalog } from '@catalog/types'
import { analyzeComponent, type ComponentAnalysis } from './analyze-component.js'
import { analyzeScenario } from './analyze-scenario.js'
import { createContext, type ReportedFinding } from './context.js'
import { rules } from './rules/index.js'
import { coveringLines, parseSuppressions, type Suppression } from './suppressions.js'
import type { Finding, RuleTools } from './types.js'
import { defaultConfig, ruleMode, ruleOptions, type ValidateConfig } from './validate-config.js'

export interface RunRulesOptions {
  /** Run only these rule ids (all the profile enables when omitted); a rule named here runs whatever the profile. */
  only?: string[]
  /** The catalog's `.catalogrc.yml` (profile, severity overrides, options); `recommended` defaults when omitted. */
  config?: ValidateConfig
}

export interface RuleReport {
  findings: Finding[]
  components: number
  scenarios: number
  /** Findings an inline `# catalog-validate: ignore` comment silenced. */
  suppressed: number
}

const byPlace = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule)

const SUPPRESSION_RULE = 'suppression-invalid'

/** Runs the rules the config enables over the catalog; findings come back sorted by file and line. */
export async function runRules(
  catalog: Catalog,
  tools: RuleTools = {},
  options: RunRulesOptions = {},
): Promise<RuleReport> {
  const config = options.config ?? defaultConfig()
  const modes = Object.fromEntries(
    Object.entries(rules).map(([id, rule]) => {
      const mode = ruleMode(config, id, rule.category)
      const asked = options.only?.includes(id)
      return [id, options.only && !asked ? 'off' : asked && mode === 'off' ? 'native' : mode]
    }),
  )
  const components = catalog.components.map(analyzeComponent)
  const byName = new Map<string, ComponentAnalysis>(
    components.map((analysis) => [analysis.component.name, analysis]),
  )
  const scenarios = catalog.scenarios.map((scenario) => analyzeScenario(scenario, byName))
  const reported: ReportedFinding[] = []
  const ctx = createContext(catalog, tools, components, scenarios, reported, (id) =>
    ruleOptions(config, id, rules[id]?.options),
  )
  const enabled = Object.entries(rules).filter(([id]) => modes[id] !== 'off')
  await Promise.all(enabled.map(([, rule]) => rule.check(ctx)))

  const sources = [
    ...components.map((analysis) => ({
      file: analysis.component.file,
      source: analysis.component.source,
      analysis,
    })),
    ...scenarios.map((scenario) => ({
      file: scenario.scenario.file,
      source: scenario.scenario.source,
      analysis: null,
    })),
  ]
  const suppressions = sources.flatMap(({ file, source }) => parseSuppressions(file, source))
  const linesOf = new Map(sources.map(({ file, source }) => [file, source.split('\n')]))
  const kept: Finding[] = []
  let suppressed = 0
  for (const finding of reported) {
    const { scopeLines, ...plain } = finding
    const mode = modes[finding.rule]
    const severity = mode === 'error' || mode === 'warning' ? mode : finding.severity
    const entry = sources.find((candidate) => candidate.file === finding.file)
    const lines = linesOf.get(finding.file) ?? []
    const scopes = [finding.line, ...scopeLines, ...jobKeyLines(entry?.analysis ?? null, finding.line)]
    const covering = new Set(scopes.flatMap((line) => coveringLines(lines, line)))
    const match = suppressions.find(
      (candidate) =>
        candidate.file === finding.file &&
        candidate.reason !== '' &&
        covering.has(candidate.line) &&
        candidate.rules.includes(finding.rule),
    )
    if (match) {
      match.used = true
      suppressed++
    } else {
      kept.push({ ...plain, severity })
    }
  }
  if (modes[SUPPRESSION_RULE] !== 'off') {
    kept.push(
      ...suppressionFindings(
        suppressions,
        (id) => id in rules,
        (id) => modes[id] !== 'off',
        modes[SUPPRESSION_RULE],
      ),
    )
  }
  const unique = new Map(kept.map((finding) => [JSON.stringify(finding), finding]))
  return {
    findings: [...unique.values()].sort(byPlace),
    components: catalog.components.length,
    scenarios: catalog.scenarios.length,
    suppressed,
  }
}

/** The key line of the top-level entry (job) of a component that contains `line`. */
function jobKeyLines(analysis: ComponentAnalysis | null, line: number): number[] {
  if (!analysis) return []
  for (const pair of analysis.topLevel) {
    const start = (pair.key as { range?: number[] } | null)?.range?.[0]
    const end = (pair.value as { range?: number[] } | null)?.range?.[2]
    if (start === undefined || end === undefined) continue
    const first = analysis.lines.locate(start).line
    const last = analysis.lines.locate(Math.max(start, end - 1)).line
    if (line >= first && line <= last) return [first]
  }
  return []
}

function suppressionFindings(
  suppressions: Suppression[],
  known: (id: string) => boolean,
  ran: (id: string) => boolean,
  mode: string | undefined,
): Finding[] {
  const severity = mode === 'error' ? 'error' : 'warning'
  const finding = (suppression: Suppression, message: string): Finding => ({
    file: suppression.file,
    line: suppression.line,
    col: 1,
    rule: SUPPRESSION_RULE,
    severity,
    message,
  })
  return suppressions.flatMap((suppression) => {
    const unknown = suppression.rules.filter((id) => !known(id))
    if (suppression.rules.length === 0 || unknown.length > 0) {
      return [
        finding(
          suppression,
          `\`catalog-validate: ignore\` names ${suppression.rules.length === 0 ? 'no rule' : `an unknown rule \`${unknown[0]}\``}; expected \`# catalog-validate: ignore <rule> <reason>\` with a rule id from the rules README.`,
        ),
      ]
    }
    if (suppression.reason === '') {
      return [
        finding(
          suppression,
          `the suppression of ${suppression.rules.join(', ')} has no reason, so it silences nothing; write why after the rule id: \`# catalog-validate: ignore ${suppression.rules.join(',')} <reason>\`.`,
        ),
      ]
    }
    if (!suppression.used && suppression.rules.every(ran)) {
      return [
        finding(
          suppression,
          `the suppression of ${suppression.rules.join(', ')} silences nothing on this line, the job or the input it sits on; remove it.`,
        ),
      ]
    }
    return []
  })
}
