import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { buildSite, describeCatalog } from '@catalog/site'
import { InterruptedError, UsageError, UserError } from '../../errors.js'
import type { Io } from '../../io.js'
import { type SignalGuard, withSignalGuard } from '../../lib/signal-guard.js'
import { errnoReason } from '../../lib/write-all-or-nothing.js'
import { parseFlags } from '../../parse-flags.js'
import { loadSiteInput, projectPath } from './load-site-input.js'

const usage = `Usage: catalog site --out <dir> [--project-path <group/project>] [--force] [--json]

Builds the static catalog site (an index with search and one page per component) into <dir>.
The files work from GitLab Pages and from file://; nothing is loaded from the network.

Options:
  --out <dir>             Directory to write; must be empty or absent unless --force is given.
  --project-path <path>   Project path in the include snippets (default: $CI_PROJECT_PATH, else <group>/<project>).
  --force                 Replace <dir> if it already has files.
  --json                  Print what was written as JSON.
`

/** Refuses to replace a directory that holds the catalog itself, whatever --force says. */
function checkTarget(out: string, root: string, force: boolean): void {
  let entries: string[]
  try {
    if (!existsSync(out)) return
    if (!statSync(out).isDirectory()) throw new UserError(`${out} exists and is not a directory`)
    entries = readdirSync(out)
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`cannot use ${out} for the site (${errnoReason(error)})`)
  }
  if (entries.length === 0) return
  if (!force) throw new UserError(`${out} is not empty; pass --force to replace its contents`)
  const fromOut = relative(out, root)
  const outside = fromOut === '..' || fromOut.startsWith(`..${sep}`) || isAbsolute(fromOut)
  if (!outside) {
    throw new UserError(`refusing to replace ${out}: it contains the catalog itself`)
  }
}

/**
 * Writes every file into a fresh directory beside `out`, then swaps it in (the old `out` kept aside until the new
 * one is in place), so a failure or a signal leaves `out` as it was and no staging directory behind.
 */
async function writeSite(out: string, files: Record<string, string>, guard: SignalGuard): Promise<void> {
  const unchanged = `${out} was not changed`
  let staging: string
  try {
    mkdirSync(dirname(out), { recursive: true })
    staging = mkdtempSync(join(dirname(out), `.${basename(out)}-`))
  } catch (error) {
    throw new UserError(`cannot write the site to ${out} (${errnoReason(error)}); nothing was written`)
  }
  const aside = `${staging}.old`
  try {
    for (const [path, contents] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, path)), { recursive: true })
      writeFileSync(join(staging, path), contents)
      await guard.checkpoint(unchanged)
    }
    const replacing = existsSync(out)
    if (replacing) renameSync(out, aside)
    try {
      renameSync(staging, out)
    } catch (error) {
      if (replacing) renameSync(aside, out)
      throw error
    }
    rmSync(aside, { recursive: true, force: true })
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    if (error instanceof InterruptedError) throw error
    throw new UserError(`cannot write the site to ${out} (${errnoReason(error)}); ${unchanged}`)
  }
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(
    args,
    {
      out: { type: 'string' },
      'project-path': { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    usage,
  )
  if (positionals.length > 0) throw new UsageError(`unexpected argument \`${positionals[0]}\``, usage)
  if (!values.out) throw new UsageError('--out <dir> is required', usage)

  const out = resolve(io.cwd, values.out)
  checkTarget(out, resolve(io.cwd), values.force)
  const input = loadSiteInput(io, projectPath(values['project-path'], io, usage))
  const files = buildSite(input)
  await withSignalGuard((guard) => writeSite(out, files, guard))

  const view = describeCatalog(input)
  // The pages still show these components, with the problem stated on them; `catalog validate` is the gate.
  for (const component of view.components) {
    for (const problem of component.problems) io.stderr(`catalog: warning: ${component.name}: ${problem}\n`)
  }
  const paths = Object.keys(files).sort()
  const fromCwd = relative(io.cwd, out)
  const shown = fromCwd === '' ? '.' : fromCwd.startsWith('..') || isAbsolute(fromCwd) ? out : fromCwd
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          out: shown,
          projectPath: input.project.path,
          latestVersion: view.latestVersion,
          components: view.components.map((component) => component.name),
          files: paths,
        },
        null,
        2,
      )}\n`,
    )
    return 0
  }
  const release = view.latestVersion ? `latest release ${view.latestVersion}` : 'no release yet'
  io.stdout(
    `Wrote ${paths.length} files to ${shown}/ (${view.components.length} components, ${release}, snippets for ${input.project.path}):\n`,
  )
  for (const path of paths) io.stdout(`  ${join(shown, path)}\n`)
  io.stdout(`Open ${join(shown, 'index.html')} in a browser, or publish ${shown}/ with GitLab Pages.\n`)
  return 0
}
