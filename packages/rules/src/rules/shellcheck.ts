import { Scalar } from 'yaml'
import { renderedJobs } from '../analyze-component.js'
import type { RuleContext } from '../context.js'
import type { Severity, ShellScript } from '../types.js'
import { renderedLines, scriptItems } from '../util-scripts.js'
import { sourceLines } from '../util-yaml.js'

/** GitLab runs `before_script` and `script` in one shell, `after_script` in another. */
const SHELLS = [
  { part: 'script', sections: ['before_script', 'script'] },
  { part: 'after_script', sections: ['after_script'] },
] as const

/**
 * GitLab Runner's shell detection runs bash when the image has it and `sh` otherwise. Images known to have no bash
 * (Alpine, busybox, docker:*, kaniko's debug image, cosign's and crane's debug images) run busybox ash.
 */
const ASH_IMAGE = /alpine|busybox|(?:^|\/)docker(?::|@|$)|kaniko|cosign|crane:debug/i

/** POSIX-sh findings (SC3xxx) for features busybox ash has anyway: `[[ ]]`, `==`, `local`, `$'…'`, `${v/a/b}`, … */
const ASH_HAS = new Set([
  3003, 3010, 3011, 3014, 3018, 3020, 3028, 3037, 3040, 3043, 3045, 3046, 3051, 3057, 3060,
])

/**
 * Findings that only exist because an input was rendered as a constant (its default or a placeholder): a consumer's
 * value makes the test meaningful.
 */
const CONSTANT_CODES = new Set([2050, 2078, 2157, 2193, 2194, 2160, 2161])

/**
 * GitLab Runner runs scripts with errexit (bash and sh: `set -e`, each line checked), so advice that only matters
 * without it is noise: SC2164 (`cd … || exit`).
 */
const ERREXIT_CODES = new Set([2164])

const LEVELS = ['error', 'warning', 'info', 'style'] as const

/** shellcheck's own verdict: an error is a script that cannot work, the rest is advice. */
const severityOf = (level: (typeof LEVELS)[number]): Severity => (level === 'error' ? 'error' : 'warning')

interface Origin {
  file: string
  source: string
  offset: number
  job: string
  section: string
  /** The template line holds a `$[[ … ]]` block, rendered here with a default or a placeholder. */
  interpolated: boolean
  ash: boolean
}

function imageName(value: unknown): string {
  if (typeof value === 'string') return value
  const name = (value as { name?: unknown } | null)?.name
  return typeof name === 'string' ? name : ''
}

/** `export A B` for the job's `variables:`, so shellcheck knows they are set (valid shell names only). */
function exportLine(variables: unknown): string | null {
  if (!variables || typeof variables !== 'object' || Array.isArray(variables)) return null
  const names = Object.keys(variables).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
  return names.length > 0 ? `export ${names.join(' ')}` : null
}

/**
 * Each job's scripts, rendered with defaults, pass shellcheck in the dialect the runner will use; findings point at
 * the template line the command came from (the exact line inside a literal `|` block, the item's first line
 * otherwise) and keep shellcheck's severity.
 */
export async function shellcheck(ctx: RuleContext): Promise<void> {
  const { runShellcheck } = ctx.tools
  if (!runShellcheck) return
  const { shell, level } = ctx.options('shellcheck')
  const lowest = LEVELS.indexOf((level ?? 'warning') as (typeof LEVELS)[number])
  const scripts: ShellScript[] = []
  const origins = new Map<string, { prelude: number; lines: Origin[] }>()
  ctx.components.forEach((analysis, componentIndex) => {
    const { file, source } = analysis.component
    for (const { job, value } of renderedJobs(analysis)) {
      const rendered = (value ?? {}) as Record<string, unknown>
      const ash = shell === 'auto' || !shell ? ASH_IMAGE.test(imageName(rendered.image)) : false
      const dialect = shell === 'auto' || !shell ? (ash ? 'sh' : 'bash') : shell
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
              const written = line
                ? line.text
                : node
                  ? sourceLines(source, node)
                      .map((l) => l.text)
                      .join('\n')
                  : ''
              lines.push(text)
              lineOrigins.push({
                file,
                source,
                offset,
                job: job.key,
                section,
                interpolated: written.includes('$[['),
                ash,
              })
            })
          })
        }
        if (lines.length === 0) continue
        const name = `c${componentIndex}-j${job.index}-${part}.sh`
        const prelude = [`# shellcheck shell=${dialect}`, exportLine(rendered.variables)].filter(
          (line): line is string => line !== null,
        )
        scripts.push({ name, text: `${[...prelude, ...lines].join('\n')}\n` })
        origins.set(name, { prelude: prelude.length, lines: lineOrigins })
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
    const script = origins.get(comment.name)
    const origin = script?.lines[comment.line - 1 - (script?.prelude ?? 0)]
    if (!origin) continue
    if (LEVELS.indexOf(comment.level) > lowest) continue
    if (origin.interpolated && CONSTANT_CODES.has(comment.code)) continue
    if (origin.ash && ASH_HAS.has(comment.code)) continue
    if (ERREXIT_CODES.has(comment.code)) continue
    ctx.reportAt(
      'shellcheck',
      origin.file,
      origin.source,
      origin.offset,
      `SC${comment.code} (${comment.level}) in job \`${origin.job}\` (${origin.section}, rendered with defaults): ${comment.message} See https://www.shellcheck.net/wiki/SC${comment.code}.`,
      severityOf(comment.level),
    )
  }
}
