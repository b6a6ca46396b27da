import { type ParseArgsConfig, parseArgs } from 'node:util'
import { UsageError } from './errors.js'

export type Options = NonNullable<ParseArgsConfig['options']>

export type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
>

/** `util.parseArgs` in strict mode, with its TypeErrors turned into a UsageError that carries the command's usage. */
export function parseFlags<T extends Options>(args: string[], options: T, usage: string): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(message, usage)
  }
}
