import { type ParseArgsConfig, parseArgs } from 'node:util'
import { HelpRequested, UsageError } from './errors.js'

export type Options = NonNullable<ParseArgsConfig['options']>

export type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>
>

const helpOption = { help: { type: 'boolean', short: 'h' } } as const

/**
 * `util.parseArgs` in strict mode for one command. Every command gets `--help`/`-h`, answered with its usage
 * (HelpRequested); parseArgs' TypeErrors become a UsageError that carries the usage.
 */
export function parseFlags<T extends Options>(args: string[], options: T, usage: string): Parsed<T> {
  let parsed: Parsed<T & typeof helpOption>
  try {
    parsed = parseArgs({ args, options: { ...options, ...helpOption }, allowPositionals: true, strict: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(message, usage)
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested(usage)
  return parsed
}
