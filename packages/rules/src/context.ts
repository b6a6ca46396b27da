import type { Catalog } from '@catalog/types'
import type { ComponentAnalysis } from './analyze-component.js'
import type { ScenarioAnalysis } from './analyze-scenario.js'
import { createLineIndex, type LineIndex } from './line-index.js'
import type { Finding, RuleTools, Severity } from './types.js'

export interface RuleContext {
  catalog: Catalog
  tools: RuleTools
  components: ComponentAnalysis[]
  scenarios: ScenarioAnalysis[]
  /** Records a finding at a source offset of `file` (whose text is `source`). */
  reportAt(
    rule: string,
    file: string,
    source: string,
    offset: number,
    message: string,
    severity?: Severity,
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
  findings: Finding[],
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
    reportAt(rule, file, source, offset, message, severity = 'error') {
      const { line, col } = indexFor(file, source).locate(offset)
      findings.push({ file, line, col, rule, severity, message })
    },
    report(rule, file, line, message, severity = 'error') {
      findings.push({ file, line: Math.max(1, line), col: 1, rule, severity, message })
    },
  }
}
