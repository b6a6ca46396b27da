import { Scalar } from 'yaml'
import type { RuleContext } from '../context.js'
import { scriptItems } from '../util-scripts.js'
import { sourceLines } from '../util-yaml.js'

const indentOf = (text: string) => text.length - text.trimStart().length

/**
 * The trap of `docker build \n  -t … \n  --push` written as a folded (`>`) or plain scalar: a line indented more
 * than the first keeps its line break (and a blank line always does), so the shell runs it as a new command.
 */
export function foldedCommandIndent(ctx: RuleContext): void {
  for (const analysis of ctx.components) {
    const { file, source } = analysis.component
    for (const job of analysis.jobs) {
      for (const { node, section } of scriptItems(job)) {
        const folded = node.type === Scalar.BLOCK_FOLDED
        if (!folded && node.type !== Scalar.PLAIN) continue
        const lines = sourceLines(source, node)
        if (lines.length < 2) continue
        // A folded scalar's first source line is its `>` indicator; a plain scalar's first line starts after `- `.
        const body = lines.slice(1)
        while (body.length > 0 && (body.at(-1)?.text.trim() ?? '') === '') body.pop()
        const first = folded ? body.find((line) => line.text.trim() !== '') : body[0]
        if (!first) continue
        const base = indentOf(first.text)
        const kind = folded ? 'folded (`>`)' : 'plain'
        for (const line of body.slice(body.indexOf(first) + 1)) {
          const blank = line.text.trim() === ''
          if (!blank && indentOf(line.text) === base) continue
          const message = blank
            ? `a blank line inside the ${kind} ${section} command of job \`${job.key}\` keeps a line break, so the shell runs the rest as a separate command. Remove the blank line.`
            : `continuation line of the ${kind} ${section} command of job \`${job.key}\` is indented ${indentOf(line.text)} spaces where ${folded ? 'its first line has' : 'its first continuation line has'} ${base}: ${folded ? 'a more-indented line keeps its line break, so the shell runs it as a separate command' : 'it still folds, but the same text under `>` would split into separate commands'}. Indent every line of the command by ${base} spaces, or use \`|\` with \`\\\` line continuations.`
          // A folded line that keeps its break runs as a separate command: the job fails. A plain scalar still folds.
          ctx.reportAt(
            'folded-command-indent',
            file,
            source,
            line.start + (blank ? 0 : indentOf(line.text)),
            message,
            folded || blank ? 'error' : 'warning',
          )
          break
        }
      }
    }
  }
}
