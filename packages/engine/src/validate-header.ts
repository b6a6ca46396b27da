import { type Document, isMap, isScalar, type Node } from 'yaml'
import { type SpecError, specError } from './errors.js'
import { type ComponentSpec, INPUT_TYPES, type InputSpec, type InputType } from './types.js'
import { isPlainObject, type PlainObject, rubyToS, setKey } from './util-ruby.js'
import { validateInputRules } from './validate-input-rules.js'

/**
 * `Gitlab::Ci::Config::Header::Root` composed with key `header`: entry errors are `"#{location} #{error}".downcase`,
 * a node's own errors come before its children's, and children are composed only when their parent is valid.
 */
export interface HeaderSource {
  value: PlainObject
  document: Document.Parsed | null
  offset: number
}

export type ValidateHeaderResult =
  | {
      ok: true
      spec: ComponentSpec
      /** Each input's definition as `Ci::Inputs::Builder` receives it (`nil`/`false` normalised to `{}`). */
      inputConfigs: Record<string, PlainObject>
    }
  | { ok: false; errors: SpecError[] }

const SPEC_KEYS = ['inputs', 'include', 'component', 'description']
const INPUT_KEYS = ['default', 'description', 'options', 'regex', 'type', 'rules']
const COMPONENT_VALUES = ['name', 'sha', 'version', 'reference']
export const ALLOWED_OPTIONS_LIMIT = 50
const DESCRIPTION_MAX_LENGTH = 256

class HeaderErrors {
  readonly errors: SpecError[] = []
  add(location: string, message: string, range?: [number, number]): void {
    this.errors.push(specError('HEADER_INVALID', `${location} ${message}`.toLowerCase(), range))
  }
}

function unknownKeys(value: PlainObject, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((key) => !allowed.includes(key))
}

/** Ruby `size` for the option-count check: arrays, strings and hashes; anything else has no countable size here. */
function rubySize(value: unknown): number {
  if (Array.isArray(value)) return value.length
  if (typeof value === 'string') return [...value].length
  if (isPlainObject(value)) return Object.keys(value).length
  return 0
}

/** `AlphanumericValidator`: String, Symbol or Integer. */
function isAlphanumeric(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))
}

function mapChild(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined
  for (const pair of node.items) {
    if (isScalar(pair.key) && rubyToS(pair.key.value) === key) return pair.value as Node
  }
  return undefined
}

/** Key nodes of `spec:inputs`, by input name: their ranges, and whether the key is a float/boolean/null. */
function inputKeyNodes(source: HeaderSource): Map<string, { range?: [number, number]; keyValue: unknown }> {
  const nodes = new Map<string, { range?: [number, number]; keyValue: unknown }>()
  const inputs = mapChild(mapChild(source.document?.contents, 'spec'), 'inputs')
  if (!isMap(inputs)) return nodes
  for (const pair of inputs.items) {
    if (!isScalar(pair.key)) continue
    const name = rubyToS(pair.key.value)
    const range = pair.key.range
    nodes.set(name, {
      keyValue: pair.key.value,
      ...(range ? { range: [range[0] + source.offset, range[1] + source.offset] as [number, number] } : {}),
    })
  }
  return nodes
}

function validateInput(
  errors: HeaderErrors,
  name: string,
  rawConfig: unknown,
  key: { range?: [number, number]; keyValue: unknown } | undefined,
): InputSpec | null {
  const location = `header:spec:inputs:${name}`
  const range = key?.range
  const before = errors.errors.length
  // Factory#value(config || {}): a nil or false definition is an empty one.
  const config = rawConfig === null || rawConfig === undefined || rawConfig === false ? {} : rawConfig
  const hash = isPlainObject(config) ? config : null

  if (key && !isAlphanumeric(key.keyValue)) errors.add(location, 'key must be an alphanumeric string', range)
  const description = hash?.description
  if (description !== undefined && description !== null && !isAlphanumeric(description)) {
    errors.add(location, 'input description must be an alphanumeric string', range)
  }
  const regex = hash?.regex
  if (regex !== undefined && regex !== null && typeof regex !== 'string') {
    errors.add(location, 'input regex should be a string', range)
  }
  const type = hash?.type
  if (type !== undefined && type !== null && !INPUT_TYPES.includes(rubyToS(type) as InputType)) {
    errors.add(location, `input type unknown value: ${rubyToS(type)}`, range)
  }
  const options = hash?.options
  if (options !== undefined && options !== null && !Array.isArray(options)) {
    errors.add(location, 'input options should be an array', range)
  }
  if (options !== undefined && options !== null && rubySize(options) > ALLOWED_OPTIONS_LIMIT) {
    errors.add(location, `config cannot define more than ${ALLOWED_OPTIONS_LIMIT} options`, range)
  }
  if (Array.isArray(options) && options.some((option) => option === null)) {
    errors.add(location, 'config options array cannot contain null values', range)
  }
  if (!hash) {
    // `validates :config, type: Hash` is declared twice (Configurable and Header::Input); both report.
    errors.add(location, 'config should be a hash', range)
    errors.add(location, 'config should be a hash', range)
  } else {
    const unknown = unknownKeys(hash, INPUT_KEYS)
    if (unknown.length > 0) errors.add(location, `config contains unknown keys: ${unknown.join(', ')}`, range)
    for (const pairKey of ['options', 'default']) {
      const together = Object.keys(hash).filter((k) => k === 'rules' || k === pairKey)
      if (together.length > 1)
        errors.add(location, `config these keys cannot be used together: ${together.join(', ')}`, range)
    }
  }
  if (errors.errors.length > before || !hash) return null

  // The rules entry is composed only when the input itself is valid; its errors come after the input's.
  const ruleErrors = validateInputRules(name, hash.rules)
  for (const error of ruleErrors) errors.errors.push({ ...error, ...(range ? { range } : {}) })
  if (ruleErrors.length > 0) return null
  const declared = typeof type === 'string' && INPUT_TYPES.includes(type as InputType)
  const spec: InputSpec = {
    name,
    type: declared ? (type as InputType) : 'string',
    typeDeclared: type !== undefined,
    hasDefault: Object.hasOwn(hash, 'default'),
  }
  if (Object.hasOwn(hash, 'default')) spec.default = hash.default
  if (typeof description === 'string') spec.description = description
  else if (typeof description === 'number') spec.description = String(description)
  if (Array.isArray(options)) spec.options = options
  if (typeof regex === 'string') spec.regex = regex
  if (Array.isArray(hash.rules)) spec.rules = hash.rules
  if (range) spec.range = range
  return spec
}

export function validateHeader(source: HeaderSource): ValidateHeaderResult {
  const errors = new HeaderErrors()
  const root = source.value
  const unknownRoot = unknownKeys(root, ['spec'])
  if (unknownRoot.length > 0) {
    errors.add('header', `config contains unknown keys: ${unknownRoot.join(', ')}`)
    return { ok: false, errors: errors.errors }
  }
  const rawSpec = root.spec ?? {}
  if (!isPlainObject(rawSpec)) {
    errors.add('header:spec', 'config should be a hash')
    return { ok: false, errors: errors.errors }
  }
  const unknownSpec = unknownKeys(rawSpec, SPEC_KEYS)
  if (unknownSpec.length > 0)
    errors.add('header:spec', `config contains unknown keys: ${unknownSpec.join(', ')}`)
  const description = rawSpec.description
  if (description !== undefined && description !== null) {
    if (typeof description !== 'string') errors.add('header:spec', 'config description should be a string')
    else if ([...description].length > DESCRIPTION_MAX_LENGTH) {
      errors.add(
        'header:spec',
        `config description is too long (maximum is ${DESCRIPTION_MAX_LENGTH} characters)`,
      )
    }
  }
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }

  const spec: ComponentSpec = { inputs: {}, component: [] }
  if (typeof description === 'string') spec.description = description

  const inputConfigs: Record<string, PlainObject> = {}
  const rawInputs = rawSpec.inputs
  if (rawInputs !== undefined && rawInputs !== null) {
    if (!isPlainObject(rawInputs)) {
      errors.add('header:spec:inputs', 'config should be a hash')
    } else {
      const keys = inputKeyNodes(source)
      for (const [name, config] of Object.entries(rawInputs)) {
        const input = validateInput(errors, name, config, keys.get(name))
        if (input) setKey(spec.inputs, name, input)
        setKey(inputConfigs, name, isPlainObject(config) ? config : {})
      }
    }
  }

  if (rawSpec.include !== undefined && rawSpec.include !== null) spec.include = rawSpec.include

  const rawComponent = rawSpec.component
  if (rawComponent !== undefined && rawComponent !== null) {
    const before = errors.errors.length
    if (!Array.isArray(rawComponent)) errors.add('header:spec:component', 'config should be an array')
    if (!Array.isArray(rawComponent) || !rawComponent.every((item) => typeof item === 'string')) {
      errors.add('header:spec:component', 'config should be an array of strings')
    }
    if (Array.isArray(rawComponent)) {
      const unknown = rawComponent.filter((item) => !COMPONENT_VALUES.includes(item as string))
      if (unknown.length > 0) {
        errors.add(
          'header:spec:component',
          `config contains unknown values: ${unknown.map(rubyToS).join(', ')}`,
        )
      }
    }
    if (errors.errors.length === before) spec.component = [...new Set(rawComponent as string[])]
  }

  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }
  return { ok: true, spec, inputConfigs }
}
