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

/** A signal stopped the command; `message` says what was left as it was. Exit 128 + the signal's number. */
export class InterruptedError extends UserError {
  override name = 'InterruptedError'
  constructor(
    readonly signal: NodeJS.Signals,
    message: string,
  ) {
    super(`interrupted by ${signal}: ${message}`)
  }

  get exitCode(): number {
    return 128 + (signalNumbers[this.signal] ?? 1)
  }
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }

/** `--help` was given: main prints `usage` on stdout and exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested'
  constructor(readonly usage: string) {
    super('help requested')
  }
}
