import { CatalogFileError } from '@catalog/loader'
import { dispatch } from './cli.js'
import { HelpRequested, InterruptedError, UsageError, UserError } from './errors.js'
import { type Io, processIo } from './io.js'

export type { Command } from './cli.js'
export { InterruptedError, UsageError, UserError } from './errors.js'
export type { Io } from './io.js'

/**
 * Runs `catalog <argv>` and returns its exit code. The one place that decides what errors mean:
 * usage errors exit 2, user errors print one line and exit 1, anything else is a bug and shows its stack.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(`${error.usage.trimEnd()}\n`)
      return 0
    }
    if (error instanceof UsageError) {
      io.stderr(`catalog: ${error.message}\n`)
      if (error.usage) io.stderr(`\n${error.usage.trimEnd()}\n`)
      return 2
    }
    if (error instanceof UserError || error instanceof CatalogFileError) {
      io.stderr(`catalog: ${error.message}\n`)
      return error instanceof InterruptedError ? error.exitCode : 1
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
    io.stderr(`catalog: internal error (this is a bug, please report it)\n${detail}\n`)
    return 70
  }
}
