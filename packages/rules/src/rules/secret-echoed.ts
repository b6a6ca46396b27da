import type { RuleContext } from '../context.js'
import { scriptPipelines } from '../util-scripts.js'
import { secretReferences } from '../util-shell.js'
import { offsetIn } from '../util-yaml.js'

const PRINTS = /^(?:echo|printf|cat|printenv)(?:\s|$)/
const REDIRECTS = /(?:^|[^2])>/
const XTRACE = /^set\s+(?:-[a-wyz]*x|-o\s+xtrace)/

/** A secret printed to the job log is a leaked secret (masking is best effort). */
export function secretEchoed(ctx: RuleContext): void {
  for (const { file, source, job, node, stages } of scriptPipelines(ctx.components)) {
    const [command = ''] = stages
    if (XTRACE.test(command)) {
      ctx.reportAt(
        'secret-echoed',
        file,
        source,
        offsetIn(source, node, 'set'),
        `job \`${job.key}\` turns on \`set -x\`, which prints every command with its secrets expanded into the log. Remove it, or scope it to commands that handle no secrets.`,
        'warning',
      )
    }
    if (stages.length > 1 || !PRINTS.test(command) || REDIRECTS.test(command)) continue
    const secrets = secretReferences(command)
    if (secrets.length === 0) continue
    ctx.reportAt(
      'secret-echoed',
      file,
      source,
      offsetIn(source, node, secrets[0] ?? ''),
      `job \`${job.key}\` prints \`$${secrets[0]}\` to the job log (\`${command.slice(0, 80)}\`). Don't print secrets; pipe them to the command that needs them (\`… | tool --password-stdin\`) or write them to a file.`,
    )
  }
}
