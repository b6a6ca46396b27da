import { outdated } from '@catalog/pin'
import type { Io } from '../../io.js'
import { formatTable } from '../../lib/table.js'
import {
  fileReferences,
  parseConsumerFlags,
  readCatalogRefs,
  readConsumerPipeline,
} from '../pin/read-consumer.js'

export const usage = `Usage: catalog outdated --catalog <project path> (--remote <git url> | --checkout <dir>)
                        [--file .gitlab-ci.yml] [--prerelease] [--json]

Lists the \`include: component:\` references of a consumer pipeline (and the local files it includes) to the
catalog: where each is, what it resolves to now (as GitLab resolves \`~latest\`, \`1\`, \`1.4\`, tags, SHAs and
branches) and the newest release, flagging a move to a new major version. Changes nothing.

  --catalog <path>     the catalog project's path, e.g. my-group/container-build
  --remote <git url>   read tags and branches with \`git ls-remote\` (https, ssh or file:// URL)
  --checkout <dir>     read tags and branches from a local clone of the catalog
  --file <path>        the pipeline to read (default: .gitlab-ci.yml)
  --prerelease         count pre-releases as newer versions
  --json               print every reference as JSON objects

Exit codes, as \`npm outdated\`: 0 every reference is on the newest release; 1 a newer release exists for at
least one reference, or one cannot be resolved; 2 usage error.`

export async function run(args: string[], io: Io): Promise<number> {
  const { values, catalog } = parseConsumerFlags(args, {}, usage)

  const { files, notes } = readConsumerPipeline(io, values.file, catalog)
  const refs = readCatalogRefs(io, values, usage)
  const entries = outdated(fileReferences(files), refs.tags, {
    prerelease: values.prerelease,
    branches: refs.branches,
  })

  const variable = (entry: (typeof entries)[number]) => !entry.ok && entry.reference.ref.includes('$')
  const failed = entries.filter((e) => !e.ok && !variable(e)).length
  const behind = entries.filter((e) => e.ok && e.outdated).length

  if (values.json) {
    const rows = entries.map((entry) => ({
      file: entry.reference.file,
      line: entry.reference.line,
      column: entry.reference.column,
      component: entry.reference.name,
      current: entry.current,
      latest: entry.latest,
      ...(entry.ok
        ? { resolved: entry.resolved, outdated: entry.outdated, major: entry.major }
        : { resolved: null, error: entry.error }),
    }))
    io.stdout(`${JSON.stringify({ catalog, references: rows, notes }, null, 2)}\n`)
    return behind > 0 || failed > 0 ? 1 : 0
  }

  for (const note of notes) io.stderr(`note: ${note}\n`)
  if (entries.length === 0) {
    io.stdout(`No component references of ${catalog} found in ${files.map((f) => f.file).join(', ')}.\n`)
    return 0
  }
  const rows: string[][] = []
  for (const entry of entries) {
    const { reference } = entry
    rows.push([
      `${reference.file}:${reference.line}`,
      reference.name,
      entry.current,
      entry.ok ? entry.resolved : '?',
      entry.latest ?? '-',
      entry.ok && entry.major ? 'major' : '',
    ])
  }
  io.stdout(formatTable(['Location', 'Component', 'Current', 'Resolved', 'Latest', 'Major'], rows))
  for (const entry of entries) {
    if (entry.ok) continue
    const where = `${entry.reference.file}:${entry.reference.line}:${entry.reference.column}`
    io.stderr(`${where}: ${entry.reference.name}@${entry.current}: ${entry.error}\n`)
  }
  const majors = entries.filter((e) => e.ok && e.major).length
  const summary =
    behind > 0
      ? `${behind} of ${entries.length} references have newer releases${majors > 0 ? ` (${majors} major)` : ''}.`
      : failed > 0
        ? 'No resolvable reference has a newer release.'
        : entries.length === 1
          ? 'The reference is on the newest release.'
          : `All ${entries.length} references are on the newest release.`
  io.stdout(`${summary}${failed > 0 ? ` ${failed} cannot be resolved.` : ''}\n`)
  return behind > 0 || failed > 0 ? 1 : 0
}
