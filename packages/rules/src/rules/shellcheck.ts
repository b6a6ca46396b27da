import { Scalar } from 'yaml'
import { renderedJobs } from '../analyze-component.js'
import type { RuleContext } from '../context.js'
import type { ShellScript } from '../types.js'
import { renderedLines, scriptItems } from '../util-scripts.js'
import { sourceLines } from '../util-yaml.js'

/** GitLab runs `before_script` and `script` in one shell, `after_script` in another. */
const SHELLS = [
  { part: 'script', sections: ['before_script', 'script'] },
  { part: 'after_script', sections: ['after_script'] },
] as const

const HEADER = '# shellcheck shell=sh\n'

interface Origin {
  file: string
  source: string
  offset: number
  job: string
  section: string
}

/**
 * Each job's scripts, rendered with defaults, pass shellcheck; findings point at the template line the command
 * came from (the exact line inside a literal `|` block, the item's first line otherwise).
 */
export async function shellcheck(ctx: RuleContext): Promise<void> {
  const { runShellcheck } = ctx.tools
  if (!runShellcheck) return
  const scripts: ShellScript[] = []
  const origins = new Map<string, Origin[]>()
  ctx.components.forEach((analysis, componentIndex) => {
    const { file, source } = analysis.component
    for (const { job, value } of renderedJobs(analysis)) {
      const rendered = (value ?? {}) as Record<string, unknown>
      const items = scriptItems(job)
      for (const { part, sections } of SHELLS) {
        const lines: string[] = []
        const lineOrigins: Origin[] = []
        for (const section of sections) {
          const commands = renderedLines(rendered[section])
          if (!commands) continue
          const nodes = items.filter((item) => item.section === section)
          commands.forEach((command, index) => {
            const node = nodes.length === commands.length ? nodes[index]?.node : undefined
            const start = node?.range?.[0] ?? (job.pair.key as { range?: number[] } | null)?.range?.[0] ?? 0
            const literal = node?.type === Scalar.BLOCK_LITERAL ? sourceLines(source, node).slice(1) : []
            command.split('\n').forEach((text, k) => {
              const line = literal[k]
              const offset = line ? line.start + (line.text.length - line.text.trimStart().length) : start
              lines.push(text)
              lineOrigins.push({ file, source, offset, job: job.key, section })
            })
          })
        }
        if (lines.length === 0) continue
        const name = `c${componentIndex}-j${job.index}-${part}.sh`
        scripts.push({ name, text: `${HEADER}${lines.join('\n')}\n` })
        origins.set(name, lineOrigins)
      }
    }
  })
  if (scripts.length === 0) return
  let comments: Awaited<ReturnType<typeof runShellcheck>>
  try {
    comments = await runShellcheck(scripts)
  } catch (error) {
    ctx.report(
      'shellcheck',
      'templates',
      1,
      `shellcheck did not run (${error instanceof Error ? error.message : String(error)}), so no script was checked. Install it (\`apt-get install shellcheck\`) and run validate again.`,
      'warning',
    )
    return
  }
  for (const comment of comments) {
    const origin = origins.get(comment.name)?.[comment.line - 2]
    if (!origin) continue
    ctx.reportAt(
      'shellcheck',
      origin.file,
      origin.source,
      origin.offset,
      `SC${comment.code} in job \`${origin.job}\` (${origin.section}, rendered with defaults): ${comment.message} See https://www.shellcheck.net/wiki/SC${comment.code}.`,
      comment.level === 'error' || comment.level === 'warning' ? 'error' : 'warning',
    )
  }
}
