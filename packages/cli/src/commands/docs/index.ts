import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { planDocs } from '@catalog/docs'
import { loadCatalog } from '@catalog/loader'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { readDocumentedVersion } from '../../lib/documented-version.js'
import { findCatalogRoot } from '../../lib/find-catalog-root.js'
import { refuseUnreadable } from '../../lib/refuse-unreadable.js'
import { parseFlags } from '../../parse-flags.js'

const usage = `Usage: catalog docs [--check] [--json]

Generates the marked sections of each templates/<name>/README.md (usage, inputs, outputs) from the component's
spec and meta.yml, and the catalog table of the root README.md.

Options:
  --check   Change nothing; exit 1 and name the files whose generated sections are out of date.
  --json    Print { files: [{ file, status }] } (status: unchanged, updated, out-of-date).
`

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    { check: { type: 'boolean' }, json: { type: 'boolean' } },
    usage,
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)
  const root = findCatalogRoot(io.cwd)
  const catalog = loadCatalog(root)
  refuseUnreadable(catalog)
  if (catalog.components.length === 0) {
    throw new UserError('no components under templates/ here: run `catalog docs` at the root of the catalog')
  }
  const version = readDocumentedVersion(root)
  const files = planDocs(catalog, { version })
  const changed = files.filter((file) => file.current !== file.expected)
  if (!values.check) {
    // Compute everything first, then write: nothing is half-written by a failure in the middle of planning.
    for (const file of changed) writeFileSync(join(root, file.file), file.expected)
  }
  const status = (file: (typeof files)[number]) =>
    file.current === file.expected ? 'unchanged' : values.check ? 'out-of-date' : 'updated'
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ files: files.map((file) => ({ file: file.file, status: status(file) })) }, null, 2)}\n`,
    )
  } else if (values.check) {
    for (const file of changed)
      io.stdout(`${file.file}: generated docs are out of date; run \`npx catalog docs\`\n`)
    io.stdout(
      changed.length === 0
        ? `catalog docs: ${files.length} files up to date\n`
        : `catalog docs: ${changed.length} of ${files.length} files out of date\n`,
    )
  } else {
    for (const file of changed) io.stdout(`updated ${file.file}\n`)
    io.stdout(`catalog docs: ${changed.length} of ${files.length} files updated\n`)
  }
  return values.check && changed.length > 0 ? 1 : 0
}
