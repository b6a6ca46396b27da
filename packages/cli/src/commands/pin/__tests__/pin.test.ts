import { execFileSync } from 'node:child_process'
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from './catalog-repo.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const catalogPath = 'my-group/container-build'
const expectedExact = {
  '.gitlab-ci.yml': readFileSync(join(here, 'cases/to-exact/expected/.gitlab-ci.yml'), 'utf8'),
  'ci/release.yml': readFileSync(join(here, 'cases/to-exact/expected/ci/release.yml'), 'utf8'),
}

/** The sample consumer of consumer/, with SHA placeholders filled in for `catalog`. */
function sampleConsumer(shas: Record<string, string>): string {
  const read = (path: string) =>
    readFileSync(join(here, 'consumer', path), 'utf8').replace(
      /\{\{sha:([^}]+)\}\}/g,
      (_, t: string) => shas[t] ?? t,
    )
  return testdir({ '.gitlab-ci.yml': read('.gitlab-ci.yml'), 'ci/release.yml': read('ci/release.yml') })
}

const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name)
        return [path.slice(dir.length + 1), readFileSync(path, 'utf8')]
      }),
  )

describe('catalog pin', () => {
  it('--dry-run writes nothing and prints a diff that patch(1) applies to the same result', async () => {
    const catalog = catalogRepo()
    const consumer = sampleConsumer(catalog.shas)
    const before = snapshot(consumer)
    const io = memoryIo(consumer)

    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root, '--dry-run'], io)).toBe(0)

    expect(snapshot(consumer)).toEqual(before)
    expect(io.out).toContain('--- a/.gitlab-ci.yml\n+++ b/.gitlab-ci.yml\n@@ ')
    expect(io.out).toContain('Would pin 4 of 5 references in 2 files (exact); nothing written (--dry-run).\n')
    const diff = io.out.slice(0, io.out.indexOf('\n.gitlab-ci.yml:5:') + 1)
    execFileSync('patch', ['-p1', '--quiet'], { cwd: consumer, input: diff })
    expect(snapshot(consumer)).toEqual(expectedExact)
  })

  it('reads tags with git ls-remote from a bare repository by file:// URL', async () => {
    const catalog = catalogRepo()
    const bare = join(testdir({}), 'container-build.git')
    execFileSync('git', ['clone', '--quiet', '--bare', catalog.root, bare])
    const consumer = sampleConsumer(catalog.shas)
    const io = memoryIo(consumer)

    expect(await main(['pin', '--catalog', catalogPath, '--remote', `file://${bare}`], io)).toBe(0)

    expect(io.err).toBe('')
    expect(snapshot(consumer)).toEqual(expectedExact)
  })

  it('refuses the whole run when one reference cannot be resolved, naming file, line and reference', async () => {
    const catalog = catalogRepo()
    const consumer = sampleConsumer(catalog.shas)
    writeFileSync(
      join(consumer, 'ci/release.yml'),
      `include:
  - component: $CI_SERVER_FQDN/my-group/container-build/buildah@1.0.0
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@3
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@feature-x
`,
    )
    const before = snapshot(consumer)
    const io = memoryIo(consumer)

    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(1)

    expect(io.err).toBe(
      [
        'ci/release.yml:3:64: kaniko@3: `3` matches no release of the catalog (newest: 2.0.0, 1.2.0, 1.1.0, 1.0.0); pre-releases (2.1.0-rc.1…) are only chosen when asked',
        'ci/release.yml:4:64: kaniko@feature-x: `feature-x` is not a version, tag, branch or tagged commit of the catalog',
        'catalog: refusing to pin: 2 references cannot be resolved against my-group/container-build; no file was changed',
        '',
      ].join('\n'),
    )
    expect(io.out).toBe('')
    expect(snapshot(consumer)).toEqual(before)
  })

  it('prints one JSON object with every reference', async () => {
    const catalog = catalogRepo()
    const consumer = sampleConsumer(catalog.shas)
    const io = memoryIo(consumer)

    expect(
      await main(
        ['pin', '--catalog', catalogPath, '--checkout', catalog.root, '--to', 'minor', '--json'],
        io,
      ),
    ).toBe(0)

    const result = JSON.parse(io.out)
    expect(result).toMatchObject({
      catalog: catalogPath,
      to: 'minor',
      dryRun: false,
      written: ['.gitlab-ci.yml', 'ci/release.yml'],
    })
    expect(
      result.references.map((r: { component: string; from: string; to: string; kind: string }) => [
        r.component,
        r.from,
        r.to,
        r.kind,
      ]),
    ).toEqual([
      ['kaniko', '1.1', '1.1', 'partial'],
      ['cosign-sign', '~latest', '2.0', 'latest'],
      ['buildx-cache', '1.1.0', '1.1', 'tag'],
      ['buildah', 'main', '2.0', 'branch'],
      ['kaniko-proxy', catalog.shas['1.0.0'], '1.0', 'sha'],
    ])
  })

  it('leaves variable references, skips globs and missing local includes, each with a note', async () => {
    const catalog = catalogRepo()
    const consumer = testdir({
      '.gitlab-ci.yml': `include:
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@$KANIKO_VERSION
  - component: $CI_SERVER_FQDN/my-group/container-build/buildah@1.0.0
  - local: ci/*.yml
  - local: ci/missing.yml
`,
    })
    const io = memoryIo(consumer)

    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(0)

    expect(io.err).toBe(
      [
        'note: .gitlab-ci.yml:4: local include ci/*.yml: glob patterns are not followed',
        'note: .gitlab-ci.yml:5: local include ci/missing.yml not found, skipped',
        'note: .gitlab-ci.yml:2:64: kaniko@$KANIKO_VERSION: `$KANIKO_VERSION` is a CI/CD variable; its value is only known in a pipeline, left as it is',
        '',
      ].join('\n'),
    )
    expect(io.out).toBe(
      '.gitlab-ci.yml:3: buildah 1.0.0 (unchanged)\nThe reference of my-group/container-build already has the exact form.\n',
    )
  })

  it('reads each local include once, even in a cycle, and keeps file modes', async () => {
    const catalog = catalogRepo()
    const consumer = testdir({
      '.gitlab-ci.yml': 'include:\n  - local: ci/a.yml\n  - local: /ci/a.yml\n',
      'ci/a.yml':
        'include:\n  - local: ci/b.yml\n  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1\n',
      'ci/b.yml':
        'include:\n  - local: ci/a.yml\n  - component: $CI_SERVER_FQDN/my-group/container-build/buildah@1.0\n',
    })
    chmodSync(join(consumer, 'ci/a.yml'), 0o640)
    const io = memoryIo(consumer)

    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(0)

    expect(io.out).toBe(
      'ci/a.yml:3: kaniko 1 -> 1.2.0\nci/b.yml:3: buildah 1.0 -> 1.0.0\nPinned 2 of 2 references in 2 files (exact).\n',
    )
    expect(snapshot(consumer)).toEqual({
      '.gitlab-ci.yml': 'include:\n  - local: ci/a.yml\n  - local: /ci/a.yml\n',
      'ci/a.yml':
        'include:\n  - local: ci/b.yml\n  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1.2.0\n',
      'ci/b.yml':
        'include:\n  - local: ci/a.yml\n  - component: $CI_SERVER_FQDN/my-group/container-build/buildah@1.0.0\n',
    })
    expect(statSync(join(consumer, 'ci/a.yml')).mode & 0o777).toBe(0o640)
  })

  it.each([
    [['pin', '--checkout', '.'], '--catalog <project path> is required'],
    [
      ['pin', '--catalog', catalogPath],
      'say where the catalog tags are: --remote <git url> or --checkout <dir>',
    ],
    [
      ['pin', '--catalog', catalogPath, '--remote', 'x', '--checkout', 'y'],
      'give either --remote or --checkout, not both',
    ],
    [
      ['pin', '--catalog', catalogPath, '--checkout', '.', '--to', 'patch'],
      '--to must be exact, minor or major, got `patch`',
    ],
  ])('usage error: %j', async (argv, message) => {
    const io = memoryIo(testdir({ '.gitlab-ci.yml': 'include: []\n' }))
    expect(await main(argv, io)).toBe(2)
    expect(io.err).toContain(`catalog: ${message}`)
  })

  it('says which file is missing or broken, without a stack trace', async () => {
    const catalog = catalogRepo()
    const missing = memoryIo(testdir({}))
    expect(await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root], missing)).toBe(1)
    expect(missing.err).toBe(
      'catalog: .gitlab-ci.yml: no such file (pass --file <path> to the pipeline to read)\n',
    )

    const broken = memoryIo(testdir({ 'ci.yml': 'include:\n  - component: [oops\n' }))
    expect(
      await main(['pin', '--catalog', catalogPath, '--checkout', catalog.root, '--file', 'ci.yml'], broken),
    ).toBe(1)
    expect(broken.err).toMatch(/^catalog: ci\.yml:\d+:\d+: not valid YAML: .+\n$/)
  })

  it('reports an unreachable remote in one line', async () => {
    const consumer = testdir({ '.gitlab-ci.yml': 'include: []\n' })
    const io = memoryIo(consumer)
    const remote = `file://${join(consumer, 'nowhere.git')}`
    expect(await main(['pin', '--catalog', catalogPath, '--remote', remote], io)).toBe(1)
    expect(io.err).toMatch(new RegExp(`^catalog: cannot read the tags of ${remote}: .+\\n$`))
  })
})
