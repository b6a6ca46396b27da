import { UsageError } from './errors.js'
import type { Io } from './io.js'

/** A command: parses its own flags, writes through `io`, returns the exit code. */
export interface Command {
  run(args: string[], io: Io): Promise<number>
}

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  render: {
    summary: 'Render one component file with inputs, as GitLab would.',
    load: () => import('./commands/render/index.js'),
  },
  validate: {
    summary: 'Check that the whole catalog is publishable.',
    load: () => import('./commands/validate/index.js'),
  },
  docs: {
    summary: "Generate the READMEs' inputs sections and catalog table.",
    load: () => import('./commands/docs/index.js'),
  },
  changeset: {
    summary: 'Add a changeset, or check the pending ones against the templates (status).',
    load: () => import('./commands/changeset/index.js'),
  },
  release: {
    summary: 'Version, changelog and tag the catalog from its changesets.',
    load: () => import('./commands/release/index.js'),
  },
  site: { summary: 'Build the static catalog site.', load: () => import('./commands/site/index.js') },
  list: {
    summary: 'List the components, their latest version and required inputs.',
    load: () => import('./commands/list/index.js'),
  },
  show: {
    summary: 'Show one component: inputs, outputs, usage.',
    load: () => import('./commands/show/index.js'),
  },
  pin: {
    summary: 'Pin the component references of a consumer pipeline to exact versions.',
    load: () => import('./commands/pin/index.js'),
  },
  outdated: {
    summary: 'List component references with newer releases.',
    load: () => import('./commands/outdated/index.js'),
  },
}

export const usage = `Usage: catalog <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, { summary }]) => `  ${name.padEnd(10)}${summary}`)
  .join('\n')}

Run \`catalog <command> --help\` for a command's options.
`

export async function dispatch(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage)
    return name === undefined ? 2 : 0
  }
  const command = commands[name]
  if (!command) throw new UsageError(`unknown command \`${name}\``, usage)
  const module = await command.load()
  return module.run(rest, io)
}
