/** Where a command writes and what it may read of its process; injected so tests run commands in-process. */
export interface Io {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  /** Whether stdout is a terminal (colour, tables); false in tests and pipes. */
  isTTY: boolean
}

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  }
}
