import { type InterpolationFunction, invalidInputType } from './function.js'

/** `truncate(offset, length)`: Ruby `value[offset, length].to_s`, counted in characters. The `)` is optional. */
export const truncate: InterpolationFunction = {
  name: 'truncate',
  pattern: /^truncate\([\t\n\v\f\r ]*([0-9]+)[\t\n\v\f\r ]*,[\t\n\v\f\r ]*([0-9]+)[\t\n\v\f\r ]*\)?$/,
  execute(args, value) {
    if (typeof value !== 'string') return invalidInputType('truncate')
    const characters = Array.from(value)
    const offset = Number(args[1])
    const length = Number(args[2])
    if (offset > characters.length) return { ok: true, value: '' }
    return { ok: true, value: characters.slice(offset, offset + length).join('') }
  },
}
