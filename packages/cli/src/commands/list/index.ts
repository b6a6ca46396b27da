import { describeCatalog } from '@catalog/site'
import { UsageError } from '../../errors.js'
import type { Io } from '../../io.js'
import { formatTable } from '../../lib/table.js'
import { parseFlags } from '../../parse-flags.js'
import { loadSiteInput, PROJECT_PATH_PLACEHOLDER } from '../site/load-site-input.js'

const usage = `Usage: catalog list [--json]

Lists the catalog's components: latest release, required inputs and summary. A component whose spec or meta.yml
cannot be read is listed, its problem printed on stderr, and the exit code is 1.

Options:
  --json   Print the list as JSON.
`

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean', default: false } }, usage)
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)

  const view = describeCatalog(loadSiteInput(io, PROJECT_PATH_PLACEHOLDER))
  const broken = view.components.filter((component) => component.problems.length > 0)
  const exitCode = broken.length > 0 ? 1 : 0
  if (values.json) {
    const list = view.components.map((component) => ({
      name: component.name,
      latestVersion: component.latestVersion,
      requiredInputs: component.requiredInputs,
      inputs: component.inputs.length,
      privileged: component.runner.privileged,
      summary: component.summary || component.description,
      problems: component.problems,
    }))
    io.stdout(`${JSON.stringify(list, null, 2)}\n`)
    return exitCode
  }
  const rows = view.components.map((component) => [
    component.name,
    component.latestVersion ?? '-',
    component.requiredInputs.join(', ') || '-',
    component.summary || component.description || '-',
  ])
  io.stdout(formatTable(['COMPONENT', 'LATEST', 'REQUIRED INPUTS', 'SUMMARY'], rows))
  for (const component of broken) {
    for (const problem of component.problems)
      io.stderr(`catalog: ${component.file}: ${problem.split('\n')[0]}\n`)
  }
  return exitCode
}
