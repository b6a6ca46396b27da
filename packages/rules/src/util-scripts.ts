import type { Scalar } from 'yaml'
import { type ComponentAnalysis, isReference, type TemplateJob } from './analyze-component.js'
import { pipelinesOf } from './util-shell.js'
import { scalarsOf, valueAt } from './util-yaml.js'

export const SCRIPT_SECTIONS = ['before_script', 'script', 'after_script'] as const
export type ScriptSection = (typeof SCRIPT_SECTIONS)[number]

export interface ScriptItem {
  section: ScriptSection
  /** Position in the section once nested arrays are flattened, as GitLab runs them. */
  index: number
  node: Scalar
}

/** The shell lines of a template job: every scalar under `before_script`, `script` and `after_script`. */
export function scriptItems(job: TemplateJob): ScriptItem[] {
  return SCRIPT_SECTIONS.flatMap((section) =>
    scalarsOf(valueAt(job.body, section)).map((node, index) => ({ section, index, node })),
  )
}

export interface ScriptPipeline {
  file: string
  source: string
  job: TemplateJob
  /** The script line the pipeline is written in. */
  node: Scalar
  /** The pipeline's commands, split at `|`. */
  stages: string[]
}

/** Every simple command of every job's shell lines (see `pipelinesOf`), with the file and line it is written in. */
export function* scriptPipelines(components: ComponentAnalysis[]): Generator<ScriptPipeline> {
  for (const analysis of components) {
    const { file, source } = analysis.component
    for (const job of analysis.jobs) {
      for (const { node } of scriptItems(job)) {
        if (typeof node.value !== 'string') continue
        for (const stages of pipelinesOf(node.value)) yield { file, source, job, node, stages }
      }
    }
  }
}

/** A rendered section as the list of lines GitLab runs (nested arrays flattened, a string is one line). */
export function renderedLines(value: unknown): string[] | null {
  if (typeof value === 'string') return [value]
  if (isReference(value)) return [': # !reference']
  if (!Array.isArray(value)) return null
  const lines: string[] = []
  for (const item of value) {
    if (isReference(item)) {
      // The referenced commands are checked in the job they come from.
      lines.push(': # !reference')
    } else if (Array.isArray(item)) {
      const nested = renderedLines(item)
      if (!nested) return null
      lines.push(...nested)
    } else if (item === null || item === undefined) {
      lines.push('')
    } else {
      lines.push(String(item))
    }
  }
  return lines
}
