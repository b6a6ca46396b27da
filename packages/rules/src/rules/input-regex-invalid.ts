import { compileRe2 } from '@catalog/engine'
import type { RuleContext } from '../context.js'
import { inputFieldOffset } from '../util-blocks.js'

/** `regex:` must compile in RE2, which GitLab uses (no lookaround, no backreferences). */
export function inputRegexInvalid(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    for (const [name, input] of Object.entries(analysis.spec?.inputs ?? {})) {
      if (typeof input.regex !== 'string') continue
      const compiled = compileRe2(input.regex)
      if (compiled.ok) continue
      ctx.reportAt(
        'input-regex-invalid',
        analysis.component.file,
        analysis.component.source,
        inputFieldOffset(analysis, name, 'regex'),
        `input \`${name}\` has a regex RE2 cannot compile (\`${input.regex}\`: ${compiled.error}); GitLab fails every pipeline with "invalid regular expression". Use RE2 syntax: no lookaround or backreferences.`,
      )
    }
  }
}
