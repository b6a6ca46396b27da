/** The command line was wrong: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError'
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message)
  }
}

/** A problem with the user's files or environment, stated in `message`: printed as one line, exit 1. */
export class UserError extends Error {
  override name = 'UserError'
}

/** Already reported: exit quietly with `code`. */
export class ExitError extends Error {
  override name = 'ExitError'
  constructor(readonly code: number) {
    super(`exit ${code}`)
  }
}

/** `--help` was given: main prints `usage` on stdout and exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested'
  constructor(readonly usage: string) {
    super('help requested')
  }
}
