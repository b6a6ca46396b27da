import { UsageError } from '../../errors.js'
import type { Io } from '../../io.js'

export async function run(_args: string[], _io: Io): Promise<number> {
  throw new UsageError('`catalog render` is not implemented yet')
}
