import type { RuleContext } from '../context.js'

/** Each scenario's `include: component:` of our own components renders with the scenario's inputs. */
export function renderScenario(ctx: RuleContext): void {
  const known = ctx.components.map((analysis) => analysis.component.name)
  for (const scenario of ctx.scenarios) {
    const { file, source } = scenario.scenario
    if (scenario.parseError) {
      ctx.reportAt(
        'render-scenario',
        file,
        source,
        scenario.parseError.offset,
        `the scenario is not valid YAML: ${scenario.parseError.message}. Fix the YAML syntax.`,
      )
      continue
    }
    for (const include of scenario.includes) {
      const offset = include.node.range?.[0] ?? 0
      if (!include.analysis) {
        ctx.reportAt(
          'render-scenario',
          file,
          source,
          offset,
          `includes component \`${include.name}\`, but there is no templates/${include.name}/template.yml. Expected one of: ${known.join(', ') || '(none)'}; fix the component name in the address.`,
        )
        continue
      }
      if (include.analysis.specError || !include.rendered || include.rendered.ok) continue
      ctx.reportAt(
        'render-scenario',
        file,
        source,
        offset,
        `\`${include.name}\` with this scenario's inputs fails to render: ${include.rendered.error}. Fix the inputs given here, or the component.`,
      )
    }
  }
}
