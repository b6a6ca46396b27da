import { join } from 'node:path'
import { planDocs } from '@catalog/docs'
import { loadCatalog } from '@catalog/loader'
import { UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { readDocumentedVersion } from '../../lib/documented-version.js'
import { findCatalogRoot } from '../../lib/find-catalog-root.js'
import { refuseUnreadable } from '../../lib/refuse-unreadable.js'
import { withSignalGuard } from '../../lib/signal-guard.js'
import { writeAllOrNothing, writeTarget } from '../../lib/write-all-or-nothing.js'
import { parseFlags } from '../../parse-flags.js'

const usage = `Usage: catalog docs [--check] [--json]

Generates the marked sections of each templates/<name>/README.md (usage, inputs, outputs) from the component's
spec and meta.yml, and the catalog table of the root README.md.

Writes every file or none (also when interrupted), and refuses a catalog whose templates do not load.

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
  // A spec that does not load would be documented as having no inputs: refuse rather than overwrite good docs.
  const broken = catalog.components.find((component) => !component.spec.ok)
  if (broken && !broken.spec.ok) {
    throw new UserError(
      `${broken.file}: ${broken.spec.error.split('\n')[0]}; fix the template first (\`catalog validate\` shows every problem), nothing was written`,
    )
  }
  if (catalog.components.length === 0) {
    throw new UserError('no components under templates/ here: run `catalog docs` at the root of the catalog')
  }
  const version = readDocumentedVersion(root)
  const files = planDocs(catalog, { version })
  const changed = files.filter((file) => file.current !== file.expected)
  if (!values.check) {
    const writes = changed.map((file) => ({
      path: writeTarget(root, join(root, file.file)),
      text: file.expected,
    }))
    await withSignalGuard((guard) => writeAllOrNothing(writes, 'the generated docs', guard))
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
