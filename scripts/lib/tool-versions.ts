// Reads tool-versions.yml, the one file that pins every tool version the stack builds and every default image
// the components name. Parsing is strict: a typo in the file is a one-line error naming the entry, not a build
// of the wrong thing.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

export const TOOL_VERSIONS_FILE = new URL('../../tool-versions.yml', import.meta.url).pathname

export interface GoTool {
  name: string
  module: string
  version: string
  /** Package paths relative to the module root, e.g. `./cmd/executor`. */
  packages: string[]
  tags: string[]
  cgo: boolean
  /** With `{version}` already replaced. */
  ldflags: string
}

export interface DefaultImage {
  name: string
  /** The image reference a component's input defaults to. */
  default: string
  /** `<component>.<input>` pairs whose default is this image. */
  inputs: string[]
  /** What the upstream image carries (tools and versions), as published. */
  carries: string
  /** The local image the suite runs instead, built by the stack. */
  local: string
  /** What the local image carries. */
  runs: string
  /** Why the suite's versions differ from the default image's, where they do. */
  gap?: string
}

export interface DebianSource {
  name: string
  suite: string
  /** A source package to download (`apt-get source`), instead of binary packages. */
  source?: string
  /** Binary packages: unpacked with `dpkg -x`, or installed into a debootstrap root when `rootfs`. */
  packages: string[]
  rootfs: boolean
  /** Another Debian architecture's packages (e.g. `arm64`), unpacked only: nothing of them runs here. */
  arch?: string
}

export interface ToolVersions {
  go: Record<string, GoTool>
  debian: Record<string, DebianSource>
  images: Record<string, DefaultImage>
}

class ToolVersionsError extends Error {}

const fail = (where: string, message: string): never => {
  throw new ToolVersionsError(`tool-versions.yml: ${where}: ${message}`)
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) return fail(where, 'expected a mapping')
  return value as Record<string, unknown>
}

function text(entry: Record<string, unknown>, key: string, where: string, optional = false): string {
  const value = entry[key]
  if (value === undefined && optional) return ''
  if (typeof value !== 'string' || value === '') return fail(where, `\`${key}\` must be a non-empty string`)
  return value
}

function list(entry: Record<string, unknown>, key: string, where: string): string[] {
  const value = entry[key] ?? []
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    return fail(where, `\`${key}\` must be a list of non-empty strings`)
  }
  return value as string[]
}

function parseYamlText(source: string): unknown {
  try {
    return parse(source)
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
    throw new ToolVersionsError(`tool-versions.yml: not valid YAML: ${message}`)
  }
}

export function parseToolVersions(source: string): ToolVersions {
  const root = record(parseYamlText(source), 'top level')
  const go: Record<string, GoTool> = {}
  for (const [name, raw] of Object.entries(record(root.go, 'go'))) {
    const where = `go.${name}`
    const entry = record(raw, where)
    const version = text(entry, 'version', where)
    if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) fail(where, `version '${version}' is not vX.Y.Z`)
    const packages = list(entry, 'packages', where)
    if (packages.length === 0) fail(where, '`packages` names no package to build')
    go[name] = {
      name,
      module: text(entry, 'module', where),
      version,
      packages,
      tags: list(entry, 'tags', where),
      cgo: entry.cgo === true,
      ldflags: text(entry, 'ldflags', where, true).replaceAll('{version}', version),
    }
  }
  const debian: Record<string, DebianSource> = {}
  for (const [name, raw] of Object.entries(record(root.debian, 'debian'))) {
    const where = `debian.${name}`
    const entry = record(raw, where)
    const sourcePackage = text(entry, 'source', where, true)
    const packages = list(entry, 'packages', where)
    if (!sourcePackage && packages.length === 0) fail(where, 'names neither `source` nor `packages`')
    const arch = text(entry, 'arch', where, true)
    if (arch && !/^[a-z0-9]+$/.test(arch))
      fail(where, `arch '${arch}' is not a Debian architecture such as arm64`)
    if (arch && (sourcePackage || entry.rootfs === true))
      fail(where, '`arch` applies to unpacked binary packages only')
    debian[name] = {
      name,
      suite: text(entry, 'suite', where),
      ...(sourcePackage ? { source: sourcePackage } : {}),
      packages,
      rootfs: entry.rootfs === true,
      ...(arch ? { arch } : {}),
    }
  }
  const images: Record<string, DefaultImage> = {}
  for (const [name, raw] of Object.entries(record(root.images, 'images'))) {
    const where = `images.${name}`
    const entry = record(raw, where)
    const gap = text(entry, 'gap', where, true)
    images[name] = {
      name,
      default: text(entry, 'default', where),
      inputs: list(entry, 'inputs', where),
      carries: text(entry, 'carries', where),
      local: text(entry, 'local', where),
      runs: text(entry, 'runs', where),
      ...(gap ? { gap } : {}),
    }
  }
  return { go, debian, images }
}

let cached: ToolVersions | undefined

export function toolVersions(): ToolVersions {
  cached ??= parseToolVersions(readFileSync(TOOL_VERSIONS_FILE, 'utf8'))
  return cached
}

export function goTool(name: string): GoTool {
  return toolVersions().go[name] ?? fail(`go.${name}`, 'no such entry')
}

export function debianSource(name: string): DebianSource {
  return toolVersions().debian[name] ?? fail(`debian.${name}`, 'no such entry')
}
