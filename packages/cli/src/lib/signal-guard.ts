import { InterruptedError } from '../errors.js'

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/**
 * Holds SIGINT, SIGTERM and SIGHUP while a command changes files, so it can stop between two steps and put
 * things back instead of dying half-way. The command calls `checkpoint(…)` between steps (it yields to the event
 * loop first, so a signal that arrived during a synchronous step is seen) and `race(…)` around long waits.
 */
export class SignalGuard {
  signal: NodeJS.Signals | null = null
  private readonly listeners: (() => void)[] = []
  private readonly handler = (signal: NodeJS.Signals) => {
    this.signal ??= signal
    for (const listener of this.listeners.splice(0)) listener()
  }

  constructor() {
    for (const signal of SIGNALS) process.on(signal, this.handler)
  }

  /** Stops listening; signals have their default effect again. */
  dispose(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler)
  }

  /** The signal that came, if any, once pending signals have been seen. */
  async pending(): Promise<NodeJS.Signals | null> {
    // Two turns of the event loop: the signal pipe is read in the poll phase between them.
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setImmediate(resolve))
    return this.signal
  }

  /** Lets pending signals be seen, then throws an InterruptedError saying `unchanged` if one came. */
  async checkpoint(unchanged: string): Promise<void> {
    const signal = await this.pending()
    if (signal) throw new InterruptedError(signal, unchanged)
  }

  /** `promise`, or an InterruptedError saying `unchanged` as soon as a signal comes. */
  race<T>(promise: Promise<T>, unchanged: string): Promise<T> {
    if (this.signal) return Promise.reject(new InterruptedError(this.signal, unchanged))
    return Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        this.listeners.push(() => reject(new InterruptedError(this.signal as NodeJS.Signals, unchanged)))
      }),
    ])
  }
}

/** Runs `work` with a SignalGuard, removed afterwards whatever happens. */
export async function withSignalGuard<T>(work: (guard: SignalGuard) => Promise<T>): Promise<T> {
  const guard = new SignalGuard()
  try {
    return await work(guard)
  } finally {
    guard.dispose()
  }
}
