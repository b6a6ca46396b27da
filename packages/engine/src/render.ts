import { joinErrors, type SpecError, specError } from './errors.js'
import { type GitlabTargetOptions, gitlabTarget } from './gitlab-version.js'
import { interpolateContent } from './interpolate/interpolate-content.js'
import { loadSpec } from './read-spec.js'
import { resolveInputs } from './resolve-inputs.js'
import type { ComponentContext, ComponentSpec, VariableValue } from './types.js'
import { isPlainObject } from './util-ruby.js'

export interface RenderOptions extends GitlabTargetOptions {
  /** What `include: inputs:` gives; `undefined` or `null` = `{}`; a non-mapping is "Given inputs must be a hash". */
  inputs?: unknown
  /** Values for `$[[ component.* ]]` (only fields listed in `spec:component` are visible). */
  component?: ComponentContext
  /** What `expand_vars` can see. */
  variables?: Record<string, VariableValue>
}

export type RenderResult =
  | { ok: true; config: unknown; spec: ComponentSpec | null }
  | { ok: false; error: string; errors: SpecError[] }

function failed(errors: SpecError[]): RenderResult {
  return { ok: false, error: joinErrors(errors), errors }
}

/**
 * `Gitlab::Ci::Config::Interpolation::Interpolator#interpolate!`, stage by stage; the first failing stage wins.
 * `gitlabVersion` (default `DEFAULT_GITLAB_VERSION`) and `featureFlags` choose which GitLab's behaviour to follow.
 */
export function render(source: string | Uint8Array, options: RenderOptions = {}): RenderResult {
  const targeted = gitlabTarget(options)
  if (!targeted.ok) return failed(targeted.errors)
  const { target } = targeted
  const loaded = loadSpec(source)
  if (!loaded.ok) return failed(loaded.errors)
  const args = options.inputs ?? {}
  if (!isPlainObject(args)) return failed([specError('INPUTS_NOT_A_HASH', 'Given inputs must be a hash')])
  if (!loaded.spec) {
    if (Object.keys(args).length > 0) {
      return failed([
        specError(
          'INPUTS_WITHOUT_HEADER',
          'Given inputs not defined in the `spec` section of the included configuration file',
        ),
      ])
    }
    return { ok: true, config: loaded.contentValue, spec: null }
  }
  const inputs = resolveInputs(loaded.inputConfigs, args, target)
  if (!inputs.ok) return failed(inputs.errors)
  const component: Record<string, unknown> = {}
  for (const field of loaded.spec.component) {
    const given = options.component as Record<string, unknown> | undefined
    if (given && Object.hasOwn(given, field) && given[field] !== undefined) component[field] = given[field]
  }
  const interpolated = interpolateContent(loaded.contentValue, {
    data: { inputs: inputs.values, component },
    variables: options.variables ?? {},
    target,
  })
  if (!interpolated.ok) return failed(interpolated.errors)
  return { ok: true, config: interpolated.value, spec: loaded.spec }
}
