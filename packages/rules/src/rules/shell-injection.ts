import type { RuleContext } from '../context.js'
import { blocksOf, inputOffset } from '../util-blocks.js'
import { scriptItems } from '../util-scripts.js'
import { quoteStateAt } from '../util-shell.js'

const SAFE_OPTION = /^[\w.,:+/@=-]*$/

/**
 * An input whose description says it is shell words by design (extra arguments or flags for a tool, a command to
 * run): word splitting is the point, so it is not an injection. Values (names, paths, tags) keep the finding.
 */
export const ARGUMENT_LIST =
  /\b(?:arguments|args|flags|options|parameters)\s+(?:passed\s+|given\s+|added\s+|appended\s+)?(?:to|for)\b|\b(?:command|commands|script)\s+(?:to|that)\s+(?:runs?|executes?)\b|\bshell\s+(?:command|commands|snippet|code)\b|\bcommand[- ]line\s+(?:arguments|flags|options)\b/i

/**
 * An input interpolated into a shell line is code: unquoted and not `posix_escape`d, a value like `x; rm -rf /`
 * runs. Inputs whose values cannot carry shell syntax (numbers, booleans, options of plain words) are safe.
 */
export function shellInjection(ctx: RuleContext): void {
  const quoted = ctx.options('shell-injection').quoted === 'warning'
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const job of analysis.jobs) {
      for (const item of scriptItems(job)) {
        if (typeof item.node.value !== 'string') continue
        for (const block of blocksOf(source, item.node)) {
          if (!block.input || block.functions.includes('posix_escape')) continue
          const input = analysis.spec?.inputs[block.input]
          if (input && (input.type === 'number' || input.type === 'boolean')) continue
          if (typeof input?.description === 'string' && ARGUMENT_LIST.test(input.description)) continue
          if (
            input?.type === 'string' &&
            Array.isArray(input.options) &&
            input.options.length > 0 &&
            input.options.every((option) => SAFE_OPTION.test(String(option)))
          ) {
            continue
          }
          const state = quoteStateAt(item.node.value, block.start)
          // Inside quotes only a quote or `$(…)` in the value breaks out: house style (strict), not a default warning.
          if (state !== 'none' && !quoted) continue
          const fix = `Pass it through a job variable (\`variables: { NAME: $[[ inputs.${block.input} ]] }\`, then \`"$NAME"\` in the script) or write \`$[[ inputs.${block.input} | posix_escape ]]\`.`
          ctx.reportAt(
            'shell-injection',
            file,
            source,
            block.offset,
            state === 'none'
              ? `input \`${block.input}\` reaches a shell line of job \`${job.key}\` (${item.section}) unquoted and not escaped, so a value such as \`x; id\` runs as a command. ${fix}`
              : `input \`${block.input}\` is pasted into a ${state === 'single' ? 'single' : 'double'}-quoted shell string in job \`${job.key}\` (${item.section}); a value containing \`${state === 'single' ? "'" : '"'}\`${state === 'double' ? ' or `$(…)`' : ''} still breaks out. ${fix}`,
            state === 'none' ? 'error' : 'warning',
            // A suppression on the input's own line covers every place it is pasted.
            [inputOffset(analysis, block.input)],
          )
        }
      }
    }
  }
}
