import type { ComponentSpec, InputSpec } from '@catalog/engine'
import type { ComponentMeta } from '@catalog/types'
import { code, formatCell, formatValue } from './format-cell.js'

/** What the docs read of meta.yml. */
export type DocsMeta = Pick<ComponentMeta, 'summary' | 'outputs'>

function allowedValues(input: InputSpec): string {
  const parts: string[] = []
  if (Array.isArray(input.options) && input.options.length > 0) {
    parts.push(input.options.map((option) => formatValue(option)).join(', '))
  }
  if (typeof input.regex === 'string') parts.push(`regex ${code(input.regex)}`)
  return parts.join('; ')
}

/** The inputs table: name, type, default (or required), options/regex, description. */
export function renderInputsTable(spec: ComponentSpec | null): string {
  const inputs = Object.values(spec?.inputs ?? {})
  if (inputs.length === 0) return '_This component has no inputs._'
  const rows = inputs.map((input) =>
    [
      code(input.name),
      input.type,
      input.hasDefault
        ? input.default === null || input.default === undefined
          ? '`null`'
          : formatValue(input.default)
        : '**required**',
      allowedValues(input),
      input.description ?? '',
    ].map(formatCell),
  )
  return [
    '| Input | Type | Default | Allowed values | Description |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

/** The outputs table from meta.yml. */
export function renderOutputsTable(meta: DocsMeta | null): string {
  const outputs = meta?.outputs ?? []
  if (outputs.length === 0) return '_This component has no outputs._'
  return [
    '| Output | Description |',
    '| --- | --- |',
    ...outputs.map((output) => `| ${formatCell(code(output.name))} | ${formatCell(output.description)} |`),
  ].join('\n')
}

function exampleValue(input: InputSpec): string {
  if (Array.isArray(input.options) && input.options.length > 0) return JSON.stringify(input.options[0])
  switch (input.type) {
    case 'number':
      return '0'
    case 'boolean':
      return 'false'
    case 'array':
      return '[]'
    default:
      return `'<${input.name}>'`
  }
}

/** A usage snippet pinned to `version`, listing the required inputs. */
export function renderUsage(name: string, spec: ComponentSpec | null, version: string | null): string {
  const required = Object.values(spec?.inputs ?? {}).filter((input) => !input.hasDefault)
  const lines = [
    '```yaml',
    'include:',
    `  - component: $CI_SERVER_FQDN/<group>/<project>/${name}@${version ?? '<version>'}`,
  ]
  if (required.length > 0) {
    lines.push('    inputs:', ...required.map((input) => `      ${input.name}: ${exampleValue(input)}`))
  }
  lines.push('```')
  if (!version) lines.push('', 'Not released yet: replace `<version>` with the first release.')
  return lines.join('\n')
}
