// The suite's way to run a scenario: the runner of ../runner/ with this machine's project variables and input
// overrides (./local.ts) applied, and a test's own on top.
import {
  type PipelinePlan,
  planScenario,
  type RunOptions,
  type RunResult,
  runPipeline,
} from '../runner/run-pipeline.js'
import { localInputsWith, projectVariables, RUNNER_TAGS } from './local.js'
import type { Workspace } from './workspace.js'

export type { Ref, RunOptions, RunResult } from '../runner/run-pipeline.js'
export { runNamespace, slug, tail } from '../runner/run-pipeline.js'

const withLocalSettings = (options: RunOptions): RunOptions => ({
  ...options,
  variables: { ...projectVariables(), ...options.variables },
  inputOverrides: localInputsWith(options.inputOverrides),
  runner: { tags: Object.values(RUNNER_TAGS), ...options.runner },
})

export function runScenario(workspace: Workspace, options: RunOptions): Promise<RunResult> {
  return runPipeline(workspace, withLocalSettings(options))
}

/** Renders, merges and plans the scenario without running a job. */
export function planLocalScenario(workspace: Workspace, options: RunOptions): Promise<PipelinePlan> {
  return planScenario(workspace, withLocalSettings(options))
}
