import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { testdir, unprivileged } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { loadCatalog, templateComponentName } from './load-catalog.js'

const TEMPLATE =
  'spec:\n  inputs:\n    stage:\n      default: build\n---\njob:\n  stage: $[[ inputs.stage ]]\n  script: [echo]\n'

/** A catalog with a folder component and a single-file one, plus `files`. */
function catalogTree(files: Record<string, string> = {}): string {
  return testdir({
    'package.json': '{ "description": "A catalog." }\n',
    'README.md': '# Catalog\n',
    'templates/build/template.yml': TEMPLATE,
    'templates/build/README.md': '# build\n',
    'templates/build/meta.yml': 'summary: Builds.\n',
    'templates/lint.yml': TEMPLATE,
    ...files,
  })
}

const problems = (root: string) => loadCatalog(root).problems

describe('loadCatalog on a regular tree', () => {
  it('reads components of both layouts, their side files, stray files, scenarios and the project', () => {
    const root = catalogTree({
      'templates/build/notes.txt': 'stray',
      'test/pipelines/build/defaults.gitlab-ci.yml': 'include: []\n',
      'test/pipelines/build/notes.md': 'not a scenario',
    })
    const catalog = loadCatalog(root)
    expect(
      catalog.components.map(({ name, file, readme, meta }) => ({
        name,
        file,
        readme,
        summary: meta?.summary,
      })),
    ).toEqual([
      { name: 'build', file: 'templates/build/template.yml', readme: '# build\n', summary: 'Builds.' },
      { name: 'lint', file: 'templates/lint.yml', readme: null, summary: undefined },
    ])
    expect(catalog.components[0]?.spec.ok).toBe(true)
    expect(catalog.strayFiles).toEqual(['templates/build/notes.txt'])
    expect(catalog.scenarios.map(({ component, name, file }) => ({ component, name, file }))).toEqual([
      { component: 'build', name: 'defaults', file: 'test/pipelines/build/defaults.gitlab-ci.yml' },
    ])
    expect(catalog.project).toEqual({
      readmeFile: 'README.md',
      readme: '# Catalog\n',
      description: 'A catalog.',
    })
    expect(catalog.problems).toEqual([])
  })

  it('reads `.catalogrc.yml` as text, and a quoted meta.yml `minimum_gitlab`; refuses an unquoted one', () => {
    const root = catalogTree({
      '.catalogrc.yml': 'profile: strict\n',
      'templates/build/meta.yml': 'summary: Builds.\nminimum_gitlab: "18.10"\n',
      'templates/check/template.yml': TEMPLATE,
      'templates/check/meta.yml': 'summary: Checks.\nminimum_gitlab: 18.10\n',
    })
    const catalog = loadCatalog(root)
    expect(catalog.config).toEqual({ file: '.catalogrc.yml', source: 'profile: strict\n' })
    expect(catalog.components.map(({ meta, metaError }) => [meta?.minimumGitlab, metaError])).toEqual([
      ['18.10', null],
      [
        undefined,
        'meta.yml `minimum_gitlab` must be a quoted GitLab version such as "18.11", not the number 18.1 (unquoted)',
      ],
      [undefined, null],
    ])
    expect(loadCatalog(catalogTree()).config).toBeNull()
  })

  it('is an empty catalog where there is no templates/ folder', () => {
    const catalog = loadCatalog(testdir({}))
    expect([catalog.components, catalog.problems, catalog.project.readme]).toEqual([[], [], null])
  })

  it('names components as GitLab does', () => {
    expect(
      ['templates/a.yml', 'templates/a/template.yml', 'templates/a/b/template.yml', 'templates/a.yaml'].map(
        templateComponentName,
      ),
    ).toEqual(['a', 'a', null, null])
  })
})

describe('loadCatalog on odd trees: every entry it cannot read is a problem, never an exception or a hang', () => {
  it('a symbolic link loop and a link to the parent folder end, each noted', () => {
    const root = catalogTree()
    symlinkSync('loop', join(root, 'templates/loop'))
    symlinkSync('..', join(root, 'templates/build/up'))
    expect(problems(root)).toEqual([
      {
        file: 'templates/build/up',
        message: 'is a symbolic link (to ..): the catalog reads regular files only; commit the file itself',
      },
      {
        file: 'templates/loop',
        message: 'is a symbolic link (to loop): the catalog reads regular files only; commit the file itself',
      },
    ])
    expect(loadCatalog(root).components.map((component) => component.name)).toEqual(['build', 'lint'])
  })

  it('a dangling link and a self link as template.yml: not components, noted', () => {
    const root = catalogTree()
    mkdirSync(join(root, 'templates/gone'))
    symlinkSync('missing.yml', join(root, 'templates/gone/template.yml'))
    mkdirSync(join(root, 'templates/self'))
    symlinkSync('template.yml', join(root, 'templates/self/template.yml'))
    const catalog = loadCatalog(root)
    expect(catalog.problems.map((problem) => `${problem.file}: ${problem.message.split(':')[0]}`)).toEqual([
      'templates/gone/template.yml: is a symbolic link (to missing.yml)',
      'templates/self/template.yml: is a symbolic link (to template.yml)',
    ])
    expect(catalog.components.map((component) => component.name)).toEqual(['build', 'lint'])
  })

  it('a templates/ folder that is a link, and a README linked to /dev/zero', () => {
    const root = testdir({ 'elsewhere/a.yml': TEMPLATE })
    symlinkSync('elsewhere', join(root, 'templates'))
    symlinkSync('/dev/zero', join(root, 'README.md'))
    expect(problems(root).map((problem) => `${problem.file}: ${problem.message.split(':')[0]}`)).toEqual([
      'README.md: is a symbolic link (to /dev/zero)',
      'templates: is a symbolic link (to elsewhere)',
    ])
  })

  it('a FIFO as a template is refused without being opened', () => {
    const root = catalogTree()
    mkdirSync(join(root, 'templates/pipe'))
    execFileSync('mkfifo', [join(root, 'templates/pipe/template.yml')])
    expect(problems(root)).toEqual([
      { file: 'templates/pipe/template.yml', message: 'is a FIFO, not a regular file' },
    ])
  })

  it('a folder name that is not UTF-8 is shown with its bytes escaped', () => {
    const root = catalogTree()
    const name = Buffer.concat([Buffer.from(join(root, 'templates/caf')), Buffer.from([0xe9])])
    mkdirSync(name)
    writeFileSync(Buffer.concat([name, Buffer.from('/template.yml')]), TEMPLATE)
    expect(problems(root)).toEqual([
      { file: 'templates/caf\\xe9', message: 'the name is not valid UTF-8: rename it' },
    ])
  })

  it('a README or meta.yml that is not UTF-8 text', () => {
    const root = catalogTree()
    writeFileSync(join(root, 'templates/build/README.md'), Buffer.from([0x23, 0x20, 0xff, 0xfe]))
    writeFileSync(join(root, 'templates/build/meta.yml'), Buffer.from([0x73, 0x3a, 0x20, 0xe9]))
    expect(problems(root)).toEqual([
      { file: 'templates/build/README.md', message: 'is not UTF-8 text' },
      { file: 'templates/build/meta.yml', message: 'is not UTF-8 text' },
    ])
  })

  it("a template that is not UTF-8 is a component whose spec is GitLab's reader error, not a problem", () => {
    const root = catalogTree()
    writeFileSync(join(root, 'templates/lint.yml'), Buffer.from([0x6a, 0x6f, 0x62, 0x3a, 0x20, 0xc3, 0x28]))
    const catalog = loadCatalog(root)
    expect(catalog.problems).toEqual([])
    const lint = catalog.components.find((component) => component.name === 'lint')
    expect(lint?.source).toBe('job: \ufffd(')
    expect(lint?.spec).toMatchObject({
      ok: false,
      error: '(<unknown>): invalid trailing UTF-8 octet at line 1 column 1',
    })
  })

  it('an unreadable template and an unlistable folder (as an unprivileged user: root reads anything)', {
    timeout: 60_000,
  }, () => {
    const root = catalogTree({ 'templates/closed/x.yml': TEMPLATE })
    chmodSync(root, 0o755)
    chmodSync(join(root, 'templates/lint.yml'), 0o000)
    chmodSync(join(root, 'templates/closed'), 0o000)
    const loader = fileURLToPath(new URL('./index.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))
    const script = `import { loadCatalog } from ${JSON.stringify(loader)}
const catalog = loadCatalog(process.argv[1])
console.log(JSON.stringify({ problems: catalog.problems, components: catalog.components.map((c) => c.name) }))`
    const result = spawnSync(tsx, ['--conditions=@catalog/source', '-e', script, root], {
      ...unprivileged(),
      encoding: 'utf8',
      env: { ...process.env, TSX_TSCONFIG_PATH: '' },
    })
    expect(result.stderr).toBe('')
    expect(JSON.parse(result.stdout)).toEqual({
      problems: [
        { file: 'templates/closed', message: 'cannot be listed (EACCES)' },
        { file: 'templates/lint.yml', message: 'cannot be read: permission denied' },
      ],
      components: ['build'],
    })
  })
})
