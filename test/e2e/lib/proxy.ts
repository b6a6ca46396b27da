// The stack proxy's own log: proof that a request went through it.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { paths } from '../../../scripts/lib/stack-layout.js'

const log = paths.log('tinyproxy')

export const proxyLogSize = () => statSync(log).size

export function proxyLogSince(offset: number): string {
  const size = statSync(log).size
  const buffer = Buffer.alloc(Math.max(0, size - offset))
  const fd = openSync(log, 'r')
  try {
    readSync(fd, buffer, 0, buffer.length, offset)
  } finally {
    closeSync(fd)
  }
  return buffer.toString('utf8')
}
