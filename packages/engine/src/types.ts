export type InputType = 'string' | 'number' | 'boolean' | 'array'

export const INPUT_TYPES: readonly InputType[] = ['array', 'boolean', 'number', 'string']

export interface InputSpec {
  name: string
  /** The declared type, or `string` when none is declared. */
  type: InputType
  typeDeclared: boolean
  hasDefault: boolean
  default?: unknown
  description?: string
  options?: unknown[]
  regex?: string
  rules?: unknown[]
  /** Offsets of the input's key in the file (for line numbers in lint findings). */
  range?: [number, number]
}

export interface ComponentSpec {
  description?: string
  inputs: Record<string, InputSpec>
  /** `spec:component`, deduplicated: which `component.*` values the content may use. */
  component: string[]
  include?: unknown
}

export type VariableValue = string | { value: string; masked?: boolean }

export interface ComponentContext {
  name?: string
  sha?: string
  version?: string | null
  reference?: string
}
