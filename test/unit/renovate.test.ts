// renovate.json keeps this catalog's images and tools current. Renovate itself does not run here; what is
// checked: its patterns, under RE2 (the engine Renovate uses), find every default image of every component and
// every pinned Go tool, with the right name and version.
import { readFileSync } from 'node:fs'
import { RE2JS } from 're2js'
import { describe, expect, it } from 'vitest'
import { toolVersions } from '../../scripts/lib/tool-versions.js'

const root = new URL('../../', import.meta.url).pathname
const config = JSON.parse(readFileSync(`${root}renovate.json`, 'utf8')) as {
  customManagers: { managerFilePatterns: string[]; matchStrings: string[]; datasourceTemplate: string }[]
}

function found(datasource: string, file: string): string[] {
  const text = readFileSync(`${root}${file}`, 'utf8')
  const names: string[] = []
  for (const manager of config.customManagers.filter((m) => m.datasourceTemplate === datasource)) {
    if (
      !manager.managerFilePatterns.some((pattern) => RE2JS.compile(pattern.slice(1, -1)).matcher(file).find())
    )
      continue
    for (const source of manager.matchStrings) {
      const matcher = RE2JS.compile(source).matcher(text)
      while (matcher.find()) names.push(`${matcher.group('depName')}:${matcher.group('currentValue')}`)
    }
  }
  return names
}

describe('renovate.json', () => {
  const { images, go } = toolVersions()

  it.each(Object.values(images))(
    'finds $default in tool-versions.yml and in each template that defaults to it',
    (image) => {
      expect(found('docker', 'tool-versions.yml')).toContain(image.default)
      for (const input of image.inputs) {
        expect(found('docker', `templates/${input.split('.')[0]}/template.yml`), input).toContain(
          image.default,
        )
      }
    },
  )

  it('finds every pinned Go tool with its module and version', () => {
    expect(found('go', 'tool-versions.yml').sort()).toEqual(
      Object.values(go)
        .map((tool) => `${tool.module}:${tool.version}`)
        .sort(),
    )
  })

  it('takes nothing else from the templates for an image', () => {
    const defaults = new Set(Object.values(images).map((image) => image.default))
    for (const name of ['buildx-cache', 'kaniko', 'kaniko-proxy', 'buildah', 'cosign-sign']) {
      for (const image of found('docker', `templates/${name}/template.yml`))
        expect(defaults.has(image), `${name}: ${image}`).toBe(true)
    }
  })
})
