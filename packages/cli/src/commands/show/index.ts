import { type ComponentView, describeCatalog, formatValue, type InputView } from '@catalog/site'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { formatTable, indent, truncate } from '../../lib/table.js'
import { parseFlags } from '../../parse-flags.js'
import { loadSiteInput, projectPath } from '../site/load-site-input.js'

const usage = `Usage: catalog show <component> [--project-path <group/project>] [--json]

Shows one component: description, inputs, outputs, runner requirements, limits, versions and how to include it.
When its spec or meta.yml cannot be read, shows the problem too and exits 1.

Options:
  --project-path <path>   Project path in the include snippet (default: $CI_PROJECT_PATH, else <group>/<project>).
  --json                  Print the component as JSON.
`

function allowed(input: InputView): string {
  const parts: string[] = []
  if (input.options) parts.push(`one of ${input.options.map(formatValue).join(', ')}`)
  if (input.regex) parts.push(`matches ${input.regex}`)
  if (input.conditional) parts.push('depends on other inputs (rules)')
  return parts.join('; ') || '-'
}

function section(title: string, body: string): string {
  return `\n${title}\n${indent(body.trimEnd())}\n`
}

const bullets = (items: string[], empty: string) =>
  items.length > 0 ? items.map((item) => `- ${item}`).join('\n') : empty

function renderComponent(component: ComponentView): string {
  const version = component.latestVersion ? ` ${component.latestVersion}` : ' (no release yet)'
  let text = `${component.name}${version}\n`
  if (component.summary) text += `${component.summary}\n`
  if (component.description && component.description !== component.summary)
    text += `\n${component.description}\n`
  for (const problem of component.problems) text += `\nproblem: ${problem}\n`

  const inputs =
    component.inputs.length > 0
      ? formatTable(
          ['INPUT', 'TYPE', 'REQUIRED', 'DEFAULT', 'ALLOWED', 'DESCRIPTION'],
          component.inputs.map((input) => [
            input.name,
            input.type,
            input.required ? 'yes' : 'no',
            'default' in input ? truncate(formatValue(input.default), 40) : '-',
            truncate(allowed(input), 40),
            input.description || '-',
          ]),
        )
      : 'No inputs.'
  text += section(`Inputs (${component.inputs.length}, ${component.requiredInputs.length} required)`, inputs)

  const outputs =
    component.outputs.length > 0
      ? formatTable(
          ['VARIABLE', 'DESCRIPTION'],
          component.outputs.map((output) => [output.name, output.description]),
        )
      : 'No outputs.'
  text += section('Outputs (dotenv variables for jobs that need this one)', outputs)

  const runner = component.runner.privileged
    ? 'Needs a privileged runner (privileged = true).'
    : 'Runs on an unprivileged runner.'
  text += section('Runner', `${runner}\n${bullets(component.runner.requirements, '')}`)
  text += section('Limits', bullets(component.limits, 'No known limits.'))
  if (component.minimumGitlab) text += section('Minimum GitLab', component.minimumGitlab)

  const [exact] = component.references
  const references = component.references
    .map((reference) => `@${reference.ref}  ${reference.label}\n${indent(reference.meaning)}`)
    .join('\n')
  text += section(
    'Usage',
    `${exact?.snippet ?? ''}\nVersion references (replace @${exact?.ref ?? ''} with any of them):\n${references}`,
  )

  const versions =
    component.versions.length > 0
      ? component.versions
          .map((entry) => {
            const date = entry.date ? ` (${entry.date.slice(0, 10)})` : ''
            const changes =
              entry.changes.length > 0 ? bullets(entry.changes, '') : '- No changes to this component.'
            return `${entry.version}${entry.prerelease ? ' pre-release' : ''}${date}\n${indent(changes)}`
          })
          .join('\n')
      : 'No release yet.'
  text += section('Versions', versions)
  return text
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      'project-path': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    usage,
  )
  const [name, extra] = positionals
  if (name === undefined)
    throw new UsageError('which component? Pass its name: `catalog show <component>`', usage)
  if (extra !== undefined) throw new UsageError(`unexpected argument \`${extra}\``, usage)

  const view = describeCatalog(loadSiteInput(io, projectPath(values['project-path'], io, usage)))
  const component = view.components.find((entry) => entry.name === name)
  if (!component) {
    const known = view.components.map((entry) => entry.name).join(', ')
    throw new UserError(`unknown component \`${name}\`; the catalog has: ${known}`)
  }
  io.stdout(values.json ? `${JSON.stringify(component, null, 2)}\n` : renderComponent(component))
  return component.problems.length > 0 ? 1 : 0
}
