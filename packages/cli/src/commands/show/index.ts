import { UsageError } from '../../errors.js'
import type { Io } from '../../io.js'

export async function run(_args: string[], _io: Io): Promise<number> {
  throw new UsageError('`catalog show` is not implemented yet')
}
