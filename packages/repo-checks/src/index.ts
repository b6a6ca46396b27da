export {
  findUndeclaredImports,
  type ImportProblem,
  importSpecifiers,
  type Manifest,
  packageName,
  type Workspace,
  type WorkspaceFile,
  type WorkspacePackage,
} from './find-undeclared-imports.js'
export { findUntestedReleaseJobs, type PipelineProblem } from './find-untested-release-jobs.js'
export { readWorkspace } from './read-workspace.js'
