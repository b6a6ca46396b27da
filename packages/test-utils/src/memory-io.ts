export interface MemoryIo {
  stdout(text: string): void
  stderr(text: string): void
  cwd: string
  env: Record<string, string | undefined>
  isTTY: boolean
  /** Everything written to stdout so far. */
  readonly out: string
  /** Everything written to stderr so far. */
  readonly err: string
}

/** An `Io` for in-process command tests: collects what a command writes. */
export function memoryIo(cwd: string, env: Record<string, string | undefined> = {}): MemoryIo {
  let out = ''
  let err = ''
  return {
    stdout: (text) => {
      out += text
    },
    stderr: (text) => {
      err += text
    },
    cwd,
    env,
    isTTY: false,
    get out() {
      return out
    },
    get err() {
      return err
    },
  }
}
