import { isScalar, isSeq, type Node } from 'yaml'
import type { ComponentAnalysis, TemplateJob } from './analyze-component.js'
import { valueAt } from './util-yaml.js'

/** A job followed by the jobs of this file it extends (depth first, as written in the template). */
export function extendsChain(analysis: ComponentAnalysis, job: TemplateJob): TemplateJob[] {
  const chain: TemplateJob[] = []
  const seen = new Set<TemplateJob>()
  const visit = (current: TemplateJob) => {
    if (seen.has(current)) return
    seen.add(current)
    chain.push(current)
    const node = valueAt(current.body, 'extends')
    const names = isScalar(node) ? [node] : isSeq(node) ? (node.items as Node[]) : []
    for (const name of names) {
      if (!isScalar(name)) continue
      const parent = analysis.jobs.find((candidate) => candidate.key === String(name.value))
      if (parent) visit(parent)
    }
  }
  visit(job)
  return chain
}

/** The first node for `key` along a job's extends chain, with the job that sets it. */
export function inheritedValue(
  analysis: ComponentAnalysis,
  job: TemplateJob,
  key: string,
): { node: Node; from: TemplateJob } | undefined {
  for (const current of extendsChain(analysis, job)) {
    const node = valueAt(current.body, key)
    if (node) return { node, from: current }
  }
  return undefined
}

export const HAS_INPUT = /\$\[\[\s*inputs\./

/**
 * Whether the component includes other files (`local`, `template`, `project`, `remote`, `component`): a job here may
 * then get its stage, image or script from an included job of the same name, or extend one of the included hidden
 * jobs (`.auto-deploy`, a project's `.base`), which this file cannot see.
 */
export function includesFiles(analysis: ComponentAnalysis): boolean {
  const include = analysis.topLevel.find((pair) => isScalar(pair.key) && pair.key.value === 'include')?.value
  return Boolean(include)
}
