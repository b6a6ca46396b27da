import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSpec } from '@catalog/engine'
import { describe, expect, it } from 'vitest'
import { parseToolVersions, TOOL_VERSIONS_FILE, toolVersions } from './tool-versions.js'

const templates = new URL('../../templates/', import.meta.url).pathname

/** Each component's input defaults, read as GitLab reads the header. */
function inputDefaults(): Record<string, unknown> {
  const defaults: Record<string, unknown> = {}
  for (const name of readdirSync(templates)) {
    const spec = readSpec(readFileSync(join(templates, name, 'template.yml'), 'utf8'))
    if (!spec.ok || !spec.spec) throw new Error(`templates/${name}: no spec`)
    for (const [input, config] of Object.entries(spec.spec.inputs))
      defaults[`${name}.${input}`] = config.default
  }
  return defaults
}

describe('tool-versions.yml', () => {
  it('names as each image default exactly what the components default to', () => {
    const defaults = inputDefaults()
    const images = Object.values(toolVersions().images)
    expect(images.length).toBeGreaterThanOrEqual(6)
    for (const image of images) {
      expect(image.inputs.length, image.name).toBeGreaterThan(0)
      for (const input of image.inputs) expect(defaults[input], `${image.name}: ${input}`).toBe(image.default)
    }
  })

  it('lists every image input of every component', () => {
    const covered = new Set(Object.values(toolVersions().images).flatMap((image) => image.inputs))
    const imageInputs = Object.keys(inputDefaults()).filter((key) => /\.(image|\w+_image)$/.test(key))
    expect(imageInputs.filter((key) => !covered.has(key))).toEqual([])
  })

  it('pins every Go tool to an exact version', () => {
    for (const tool of Object.values(toolVersions().go))
      expect(tool.version, tool.name).toMatch(/^v\d+\.\d+\.\d+/)
    expect(readFileSync(TOOL_VERSIONS_FILE, 'utf8')).not.toMatch(/@latest/)
  })

  it.each([
    [
      'go:\n  x: { module: m, packages: [.] }\n',
      'tool-versions.yml: go.x: `version` must be a non-empty string',
    ],
    [
      'go:\n  x: { module: m, version: latest, packages: [.] }\n',
      "tool-versions.yml: go.x: version 'latest' is not vX.Y.Z",
    ],
    [
      'go:\n  x: { module: m, version: v1.0.0, packages: [] }\n',
      'tool-versions.yml: go.x: `packages` names no package to build',
    ],
    ['debian:\n  x: { suite: sid }\n', 'tool-versions.yml: debian.x: names neither `source` nor `packages`'],
    [
      'images:\n  x: { default: a, inputs: [b], carries: c, local: d }\n',
      'tool-versions.yml: images.x: `runs` must be a non-empty string',
    ],
    ['images: [1]\n', 'tool-versions.yml: images: expected a mapping'],
    ['go: {\n', 'tool-versions.yml: not valid YAML: '],
  ])('rejects a mistake with one line naming the entry: %j', (source, message) => {
    expect(() => parseToolVersions(source)).toThrow(message)
  })

  it('puts the version into ldflags', () => {
    const parsed = parseToolVersions(
      'go:\n  x:\n    module: m\n    version: v1.2.3\n    packages: [.]\n    ldflags: -X v={version}\n',
    )
    expect(parsed.go.x?.ldflags).toBe('-X v=v1.2.3')
  })
})
