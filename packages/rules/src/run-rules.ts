import type { Catalog } from '@catalog/types'
import { analyzeComponent, type ComponentAnalysis } from './analyze-component.js'
import { analyzeScenario } from './analyze-scenario.js'
import { createContext } from './context.js'
import { rules } from './rules/index.js'
import type { Finding, RuleTools } from './types.js'

export interface RunRulesOptions {
  /** Run only these rule ids (all when omitted). */
  only?: string[]
}

export interface RuleReport {
  findings: Finding[]
  components: number
  scenarios: number
}

const bySeverityThenPlace = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule)

/** Runs every rule over the catalog; findings come back sorted by file and line. */
export async function runRules(
  catalog: Catalog,
  tools: RuleTools = {},
  options: RunRulesOptions = {},
): Promise<RuleReport> {
  const components = catalog.components.map(analyzeComponent)
  const byName = new Map<string, ComponentAnalysis>(
    components.map((analysis) => [analysis.component.name, analysis]),
  )
  const scenarios = catalog.scenarios.map((scenario) => analyzeScenario(scenario, byName))
  const findings: Finding[] = []
  const ctx = createContext(catalog, tools, components, scenarios, findings)
  const selected = Object.entries(rules).filter(([id]) => !options.only || options.only.includes(id))
  await Promise.all(selected.map(([, rule]) => rule(ctx)))
  const unique = new Map(findings.map((finding) => [JSON.stringify(finding), finding]))
  return {
    findings: [...unique.values()].sort(bySeverityThenPlace),
    components: catalog.components.length,
    scenarios: catalog.scenarios.length,
  }
}
