import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from './fixture.js'

const expectedFiles = [
  'assets/site.css',
  'assets/site.js',
  'components/buildah.html',
  'components/kaniko.html',
  'index.html',
]

describe('catalog site', () => {
  it('writes the site and lists what it wrote', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['site', '--out', 'public', '--project-path', 'platform/catalog'], io)).toBe(0)
    expect(io.err).toBe('')
    expect(io.out).toBe(
      'Wrote 5 files to public/ (2 components, latest release 1.1.0, snippets for platform/catalog):\n' +
        expectedFiles.map((file) => `  public/${file}\n`).join('') +
        'Open public/index.html in a browser, or publish public/ with GitLab Pages.\n',
    )
    const kaniko = readFileSync(join(repo.root, 'public/components/kaniko.html'), 'utf8')
    expect(kaniko).toContain('$CI_SERVER_FQDN/platform/catalog/kaniko@1.1.0\n')
    expect(kaniko).toContain(`@${repo.shas['1.1.0']}`)
    expect(kaniko).toContain('<li>Add <code>cache_ttl</code>.</li>')
    expect(readdirSync(repo.root).filter((entry) => entry.startsWith('.public'))).toEqual([])
  })

  it('takes the project path from CI_PROJECT_PATH, else writes a placeholder', async () => {
    const repo = catalogRepo()
    await main(['site', '--out', 'ci'], memoryIo(repo.root, { CI_PROJECT_PATH: 'group/sub/catalog' }))
    expect(readFileSync(join(repo.root, 'ci/components/buildah.html'), 'utf8')).toContain(
      '$CI_SERVER_FQDN/group/sub/catalog/buildah@1.1.0',
    )
    await main(['site', '--out', 'local'], memoryIo(repo.root))
    expect(readFileSync(join(repo.root, 'local/components/buildah.html'), 'utf8')).toContain(
      '$CI_SERVER_FQDN/&lt;group&gt;/&lt;project&gt;/buildah@1.1.0',
    )
  })

  it('prints JSON with --json', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['site', '--out', 'public', '--json', '--project-path', 'a/b'], io)).toBe(0)
    expect(JSON.parse(io.out)).toEqual({
      out: 'public',
      projectPath: 'a/b',
      latestVersion: '1.1.0',
      components: ['buildah', 'kaniko'],
      files: expectedFiles,
    })
  })

  it('refuses a directory that has files unless --force, which replaces it', async () => {
    const repo = catalogRepo()
    const refused = memoryIo(repo.root)
    await main(['site', '--out', 'public'], memoryIo(repo.root))
    writeFileSync(join(repo.root, 'public/stale.html'), 'old')
    expect(await main(['site', '--out', 'public'], refused)).toBe(1)
    expect(refused.err).toBe(
      `catalog: ${join(repo.root, 'public')} is not empty; pass --force to replace its contents\n`,
    )
    expect(existsSync(join(repo.root, 'public/stale.html'))).toBe(true)

    expect(await main(['site', '--out', 'public', '--force'], memoryIo(repo.root))).toBe(0)
    expect(readdirSync(join(repo.root, 'public')).sort()).toEqual(['assets', 'components', 'index.html'])
  })

  it('never replaces the catalog itself, even with --force', async () => {
    const repo = catalogRepo()
    for (const out of ['.', '..']) {
      const io = memoryIo(repo.root)
      expect(await main(['site', '--out', out, '--force'], io)).toBe(1)
      expect(io.err).toMatch(/^catalog: refusing to replace .*: it contains the catalog itself\n$/)
    }
    expect(existsSync(join(repo.root, 'templates/kaniko/template.yml'))).toBe(true)
  })

  it('explains command-line mistakes with the usage (exit 2)', async () => {
    const repo = catalogRepo()
    const missing = memoryIo(repo.root)
    expect(await main(['site'], missing)).toBe(2)
    expect(missing.err).toMatch(/^catalog: --out <dir> is required\n\nUsage: catalog site --out <dir>/)
    const badPath = memoryIo(repo.root)
    expect(await main(['site', '--out', 'p', '--project-path', 'no-slash'], badPath)).toBe(2)
    expect(badPath.err).toMatch(/^catalog: --project-path must be a GitLab project path .*, got `no-slash`\n/)
  })

  it('says where it looked when there are no components', async () => {
    const root = testdir({ 'README.md': '# x' })
    const io = memoryIo(root)
    expect(await main(['site', '--out', 'public'], io)).toBe(1)
    expect(io.err).toBe(
      `catalog: no components found under ${root}/templates: run catalog from the root of the catalog project\n`,
    )
    expect(existsSync(join(root, 'public'))).toBe(false)
  })

  it('warns about components it can only partly show, and still builds their pages', async () => {
    const repo = catalogRepo()
    writeFileSync(join(repo.root, 'templates/buildah/meta.yml'), 'outputs: []\n')
    const io = memoryIo(repo.root)
    expect(await main(['site', '--out', 'public'], io)).toBe(0)
    expect(io.err).toBe('catalog: warning: buildah: meta.yml must be a mapping with a `summary` string\n')
    expect(readFileSync(join(repo.root, 'public/components/buildah.html'), 'utf8')).toContain(
      '<p class="notice notice-error">meta.yml must be a mapping with a `summary` string</p>',
    )
  })
})
