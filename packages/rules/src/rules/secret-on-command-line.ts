import type { RuleContext } from '../context.js'
import { scriptPipelines } from '../util-scripts.js'
import { offsetIn } from '../util-yaml.js'

const LOGIN = /(?:^|\s)login(?:\s|$)/
const PASSWORD_FLAG = /(?:^|\s)(-p|--password)(?:=|\s|$)/
const CREDS_FLAG = /(?:^|\s)(--creds)(?:=|\s)\S*:\S*\$/

/** A password in argv shows in the process list and in `docker` / `set -x` output: use `--password-stdin`. */
export function secretOnCommandLine(ctx: RuleContext): void {
  for (const { file, source, job, node, stages } of scriptPipelines(ctx.components)) {
    for (const command of stages) {
      const password = LOGIN.test(command) ? PASSWORD_FLAG.exec(command) : null
      const creds = CREDS_FLAG.exec(command)
      const flag = password?.[1] ?? creds?.[1]
      if (!flag) continue
      ctx.reportAt(
        'secret-on-command-line',
        file,
        source,
        offsetIn(source, node, flag),
        `job \`${job.key}\` passes a secret on the command line (\`${flag}\` in \`${command.slice(0, 80)}\`), where the process list and logs can show it. Pipe it instead: \`printf '%s' "$CI_REGISTRY_PASSWORD" | docker login --username "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"\` (or write an auth file).`,
      )
    }
  }
}
