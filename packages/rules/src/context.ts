import type { Catalog } from '@catalog/types'
import type { ComponentAnalysis } from './analyze-component.js'
import type { ScenarioAnalysis } from './analyze-scenario.js'
import { createLineIndex, type LineIndex } from './line-index.js'
import type { Finding, RuleTools, Severity } from './types.js'

/** A finding as a rule reports it, with the extra lines an inline suppression may sit on (an input's key). */
export interface ReportedFinding extends Finding {
  scopeLines: number[]
}

export interface RuleContext {
  catalog: Catalog
  tools: RuleTools
  components: ComponentAnalysis[]
  scenarios: ScenarioAnalysis[]
  /** The options a rule runs with (its defaults, the profile's, the config's). */
  options(rule: string): Record<string, string>
  /**
   * Records a finding at a source offset of `file` (whose text is `source`). `alsoAt` are offsets of the same file
   * whose lines may carry a suppression for it too (e.g. the input a shell-injection finding is about).
   */
  reportAt(
    rule: string,
    file: string,
    source: string,
    offset: number,
    message: string,
    severity?: Severity,
    alsoAt?: number[],
  ): void
  /** Records a finding at a known line. */
  report(rule: string, file: string, line: number, message: string, severity?: Severity): void
}

export type Rule = (ctx: RuleContext) => void | Promise<void>

export function createContext(
  catalog: Catalog,
  tools: RuleTools,
  components: ComponentAnalysis[],
  scenarios: ScenarioAnalysis[],
  findings: ReportedFinding[],
  options: (rule: string) => Record<string, string> = () => ({}),
): RuleContext {
  const indexes = new Map<string, LineIndex>()
  const indexFor = (file: string, source: string) => {
    let index = indexes.get(file)
    if (!index) {
      index = createLineIndex(source)
      indexes.set(file, index)
    }
    return index
  }
  return {
    catalog,
    tools,
    components,
    scenarios,
    options,
    reportAt(rule, file, source, offset, message, severity = 'error', alsoAt = []) {
      const index = indexFor(file, source)
      const { line, col } = index.locate(offset)
      const scopeLines = alsoAt.map((at) => index.locate(at).line)
      findings.push({ file, line, col, rule, severity, message, scopeLines })
    },
    report(rule, file, line, message, severity = 'error') {
      findings.push({ file, line: Math.max(1, line), col: 1, rule, severity, message, scopeLines: [] })
    },
  }
}
