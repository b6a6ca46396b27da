import { readFileSync } from 'node:fs'
import { RE2JS } from 're2js'
import { describe, expect, it } from 'vitest'

// The presets consumers extend. Renovate itself does not run in these tests (renovate/README.md says how it was
// checked by hand). What is checked: the JSON shape Renovate needs, the patterns under RE2 (the engine Renovate
// uses), and the host mapping of the registry URL template.
const readPreset = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../renovate/${name}`, import.meta.url), 'utf8'))
const preset = readPreset('catalog.json')
const regexPreset = readPreset('catalog-regex.json')
const [manager] = regexPreset.customManagers
// biome-ignore lint/suspicious/noTemplateCurlyInString: GitLab's braced variable, not a JS template
const BRACED_FQDN = '${CI_SERVER_FQDN}'

function extract(text: string) {
  const found: Record<string, string | null>[] = []
  for (const source of manager.matchStrings as string[]) {
    const matcher = RE2JS.compile(source).matcher(text)
    while (matcher.find()) {
      found.push({
        host: matcher.group('host'),
        depName: matcher.group('depName'),
        component: matcher.group('component'),
        currentValue: matcher.group('currentValue'),
      })
    }
  }
  return found
}

const filePatterns = (patterns: string[]) =>
  patterns.map((p) => {
    expect(p.startsWith('/') && p.endsWith('/')).toBe(true)
    return RE2JS.compile(p.slice(1, -1))
  })

describe('renovate/catalog.json', () => {
  it("maps both spellings of $CI_SERVER_FQDN to the preset's parameter for the gitlabci manager", () => {
    expect(preset.registryAliases).toEqual({ $CI_SERVER_FQDN: '{{arg0}}', [BRACED_FQDN]: '{{arg0}}' })
    expect(preset.customManagers).toBeUndefined()
  })

  it('adds the usual folders of included pipeline files to the gitlabci manager', () => {
    const patterns = filePatterns(preset.gitlabci.managerFilePatterns)
    const picks = (file: string) => patterns.some((p) => p.matcher(file).find())
    expect(['.gitlab/ci/build.yml', 'sub/.gitlab-ci/deploy.yaml'].map(picks)).toEqual([true, true])
    expect(['README.md', '.gitlab/ci/notes.txt', 'ci/build.yml'].map(picks)).toEqual([false, false, false])
  })
})

describe('renovate/catalog-regex.json', () => {
  it('is a custom regex manager on gitlab-tags with the fields Renovate requires', () => {
    expect(manager).toMatchObject({ customType: 'regex', datasourceTemplate: 'gitlab-tags' })
    expect(manager.matchStrings.length).toBeGreaterThan(0)
    expect(manager.managerFilePatterns.length).toBeGreaterThan(0)
    for (const source of manager.matchStrings as string[]) {
      // Renovate requires a depName (or packageName) and a currentValue capture (or their templates).
      expect(source).toContain('(?<depName>')
      expect(source).toContain('(?<currentValue>')
    }
  })

  it('its file patterns pick the pipeline files consumers keep', () => {
    const patterns = filePatterns(manager.managerFilePatterns)
    const picks = (file: string) => patterns.some((p) => p.matcher(file).find())
    expect(['.gitlab-ci.yml', 'sub/.gitlab-ci.yaml', '.gitlab/ci/build.yml'].map(picks)).toEqual([
      true,
      true,
      true,
    ])
    expect(['README.md', 'ci.yml.bak', 'gitlab-ci.yml'].map(picks)).toEqual([false, false, false])
  })

  it('captures project path and version from the snippet our docs show', () => {
    const snippet = 'include:\n  - component: $CI_SERVER_FQDN/group/project/kaniko@1.2.3\n'
    expect(extract(snippet)).toEqual([
      { host: '$CI_SERVER_FQDN', depName: 'group/project', component: 'kaniko', currentValue: '1.2.3' },
    ])
  })

  it('captures every way a reference is written in a pipeline', () => {
    const pipeline = `include:
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1.2.0   # pinned
  - component: "\${CI_SERVER_FQDN}/my-group/sub/container-build/cosign-sign@v2.0.0"
  - component: 'gitlab.example.com:8443/my-group/container-build/buildah@2.1.0-rc.1'
  - component: $CI_SERVER_FQDN/my-group/container-build/buildx-cache@~latest
deploy:
  trigger:
    include:
      component: gitlab.example.com/my-group/container-build/kaniko-proxy@1
`
    expect(extract(pipeline)).toEqual([
      {
        host: '$CI_SERVER_FQDN',
        depName: 'my-group/container-build',
        component: 'kaniko',
        currentValue: '1.2.0',
      },
      {
        host: BRACED_FQDN,
        depName: 'my-group/sub/container-build',
        component: 'cosign-sign',
        currentValue: 'v2.0.0',
      },
      {
        host: 'gitlab.example.com:8443',
        depName: 'my-group/container-build',
        component: 'buildah',
        currentValue: '2.1.0-rc.1',
      },
      {
        host: '$CI_SERVER_FQDN',
        depName: 'my-group/container-build',
        component: 'buildx-cache',
        currentValue: '~latest',
      },
      {
        host: 'gitlab.example.com',
        depName: 'my-group/container-build',
        component: 'kaniko-proxy',
        currentValue: '1',
      },
    ])
  })

  it('leaves other includes alone', () => {
    expect(extract('include:\n  - project: my-group/x\n    ref: 1.0.0\n  - local: /ci/a.yml\n')).toEqual([])
  })

  it('maps $CI_SERVER_FQDN to the preset parameter and keeps literal hosts (registryUrlTemplate)', () => {
    // Renovate replaces `{{arg0}}` with the preset's parameter before templating (replaceArgs in
    // lib/config/presets), then its `replace` helper runs `context.replace(new RegExp(find, 'g'), replacement)`.
    const template = (manager.registryUrlTemplate as string).replaceAll('{{arg0}}', 'gitlab.internal')
    const call = /^https:\/\/\{\{\{replace '([^']*)' '([^']*)' host\}\}\}$/.exec(template)
    expect(call).not.toBeNull()
    const [, find, replacement] = call as unknown as [string, string, string]
    const url = (host: string) => `https://${host.replace(new RegExp(find, 'g'), replacement)}`
    expect(url('$CI_SERVER_FQDN')).toBe('https://gitlab.internal')
    expect(url(BRACED_FQDN)).toBe('https://gitlab.internal')
    expect(url('gitlab.example.com:8443')).toBe('https://gitlab.example.com:8443')
    // The same pattern under RE2, which Renovate's own regEx() uses elsewhere.
    expect(RE2JS.compile(find).matcher('$CI_SERVER_FQDN').find()).toBe(true)
  })
})
