/** How a file under templates/ that is not a component went wrong, so exactly one rule reports it. */
export type StrayKind = 'yaml-extension' | 'component-name' | 'template-layout' | 'not-released'

const NAME = /^[A-Za-z0-9_.-]+$/

export function strayKind(file: string): StrayKind {
  const parts = file.split('/')
  const last = parts.at(-1) ?? ''
  if (/\.yaml$/.test(last) && (parts.length === 2 || (parts.length === 3 && last === 'template.yaml'))) {
    return 'yaml-extension'
  }
  const candidate =
    parts.length === 2 && last.endsWith('.yml')
      ? last.slice(0, -4)
      : parts.length === 3 && last === 'template.yml'
        ? (parts[1] ?? '')
        : null
  if (candidate !== null && !NAME.test(candidate)) return 'component-name'
  if (/\.ya?ml$/.test(last)) return 'template-layout'
  return 'not-released'
}
