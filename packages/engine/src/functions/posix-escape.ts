import { type InterpolationFunction, invalidInputType } from './function.js'

/** `posix_escape`: Ruby `Shellwords.shellescape`. */
export function shellescape(value: string): string {
  if (value === '') return "''"
  return value.replace(/[^A-Za-z0-9_\-.,:+/@\n]/gu, (char) => `\\${char}`).replace(/\n/g, "'\n'")
}

export const posixEscape: InterpolationFunction = {
  name: 'posix_escape',
  pattern: /^posix_escape$/,
  execute(_args, value) {
    if (typeof value !== 'string') return invalidInputType('posix_escape')
    return { ok: true, value: shellescape(value) }
  },
}
