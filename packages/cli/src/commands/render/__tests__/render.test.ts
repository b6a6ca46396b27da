import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gitdir, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'

const component = `spec:
  component: [version]
  inputs:
    count:
      type: number
    name:
      default: web
      regex: ^[a-z]+$
    flags:
      type: array
      default: []
    greeting:
      default: hello
---
build-$[[ inputs.name ]]:
  parallel: $[[ inputs.count ]]
  script:
    - echo "$[[ inputs.greeting | truncate(0,3) ]]"
    - $[[ inputs.flags ]]
    - !reference [.setup, script]
  variables:
    WHERE: $[[ inputs.greeting | expand_vars ]]
`

async function renderIn(files: Record<string, string>, args: string[]) {
  const cwd = testdir({ 'component.yml': component, ...files })
  const io = memoryIo(cwd)
  const code = await main(['render', ...args], io)
  return { code, out: io.out, err: io.err, cwd }
}

describe('catalog render', () => {
  it('prints the rendered content as YAML, with typed --input values', async () => {
    const { code, out, err } = await renderIn({}, ['component.yml', '--input', 'count=3'])
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toBe(`build-web:
  parallel: 3
  script:
    - echo "hel"
    - !reference [ .setup, script ]
  variables:
    WHERE: hello
`)
  })

  it('--json gives one object with the rendered config', async () => {
    const { code, out } = await renderIn({}, [
      'component.yml',
      '--input',
      'count=2',
      '--input',
      'flags=[a, b]',
      '--json',
    ])
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({
      ok: true,
      config: {
        'build-web': {
          parallel: 2,
          script: ['echo "hel"', 'a', 'b', { '!reference': ['.setup', 'script'] }],
          variables: { WHERE: 'hello' },
        },
      },
    })
  })

  it('--inputs-file keeps YAML types and --input wins over it', async () => {
    const { code, out } = await renderIn({ 'inputs.yml': 'count: 4\nname: api\n' }, [
      'component.yml',
      '--inputs-file',
      'inputs.yml',
      '--input',
      'name=db',
      '--json',
    ])
    expect(code).toBe(0)
    expect(Object.keys((JSON.parse(out) as { config: object }).config)).toEqual(['build-db'])
  })

  it('a non-mapping inputs file is GitLab\'s "Given inputs must be a hash"', async () => {
    const { code, out } = await renderIn({ 'inputs.yml': '"just a string"\n' }, [
      'component.yml',
      '--inputs-file',
      'inputs.yml',
      '--json',
    ])
    expect(code).toBe(1)
    expect(JSON.parse(out)).toEqual({ ok: false, error: 'Given inputs must be a hash' })
  })

  it("GitLab's errors go to stderr with exit 1, joined as GitLab joins them", async () => {
    const { code, out, err } = await renderIn({}, [
      'component.yml',
      '--input',
      'count=x',
      '--input',
      'name=UP',
    ])
    expect(out).toBe('')
    expect(code).toBe(1)
    expect(err).toBe(
      '`count` input: provided value is not a number, `name` input: provided value does not match required RegEx pattern\n',
    )
  })

  it('--context-file feeds component.* and the variables expand_vars sees, masked ones refused', async () => {
    const context = `component:
  version: 1.2.3
variables:
  GREETING: hi
  SECRET: { value: s3cr3t, masked: true }
`
    const withVersion = `${component}    VERSION: $[[ component.version ]]\n`
    const plain = await renderIn({ 'c.yml': withVersion, 'ctx.yml': context }, [
      'c.yml',
      '--input',
      'count=1',
      '--input',
      'greeting=$GREETING',
      '--context-file',
      'ctx.yml',
      '--json',
    ])
    const config = (JSON.parse(plain.out) as { config: Record<string, { variables: object }> }).config
    expect(config['build-web']?.variables).toEqual({ WHERE: 'hi', VERSION: '1.2.3' })

    const masked = await renderIn({ 'c.yml': withVersion, 'ctx.yml': context }, [
      'c.yml',
      '--input',
      'count=1',
      '--input',
      'greeting=$SECRET',
      '--context-file',
      'ctx.yml',
      '--json',
    ])
    expect(masked.code).toBe(1)
    expect(JSON.parse(masked.out)).toEqual({
      ok: false,
      error: 'error in `expand_vars` function: variable expansion error: masked variables cannot be expanded',
    })
  })

  it.each([
    ['malformed YAML', 'a: [1, 2\n'],
    ['a binary file', '\u0000\u0001\u0002\u00ff binary'],
  ])('%s gives an ok:false object, never a stack trace', async (_name, contents) => {
    const { code, out, err } = await renderIn({ 'bad.yml': contents }, ['bad.yml', '--json'])
    expect(code).toBe(1)
    const result = JSON.parse(out) as { ok: boolean; error: string }
    expect(result.ok).toBe(false)
    expect(result.error).not.toMatch(/\n\s+at /)
    expect(err).toBe('')
  })

  it("invalid UTF-8 is GitLab's reader error, not replaced and rendered", async () => {
    const cwd = testdir()
    writeFileSync(
      join(cwd, 'latin1.yml'),
      Buffer.from([...Buffer.from('job:\n  script: [echo caf'), 0xe9, ...Buffer.from(']\n')]),
    )
    const io = memoryIo(cwd)
    expect(await main(['render', 'latin1.yml', '--json'], io)).toBe(1)
    expect(JSON.parse(io.out)).toEqual({
      ok: false,
      error: '(<unknown>): invalid trailing UTF-8 octet at line 1 column 1',
    })
  })

  it('a huge file gives an ok:false object', async () => {
    const cwd = testdir()
    writeFileSync(join(cwd, 'huge.yml'), `key: ${'x'.repeat(5 * 1024 * 1024)}\n`)
    const io = memoryIo(cwd)
    const code = await main(['render', 'huge.yml', '--json'], io)
    expect(code).toBe(1)
    expect((JSON.parse(io.out) as { ok: boolean }).ok).toBe(false)
  })

  it.each([
    [['render'], 'expected exactly one <file>'],
    [['render', 'component.yml', '--input', 'novalue'], '--input expects name=value, got `novalue`'],
    [['render', 'component.yml', '--bogus'], "Unknown option '--bogus'"],
  ])('usage errors exit 2: %j', async (args, message) => {
    const cwd = testdir({ 'component.yml': component })
    const io = memoryIo(cwd)
    expect(await main(args, io)).toBe(2)
    expect(io.err).toContain(message)
    expect(io.err).toContain('Usage: catalog render')
  })

  describe('--gitlab-version and --feature-flag', () => {
    const versioned = `spec:
  inputs:
    tags:
      type: array
      default: [docker]
      options: [docker, linux]
    platforms:
      default: 'linux/amd64, linux/arm64'
---
job:
  tags: $[[ inputs.tags ]]
  variables:
    PLATFORMS: "$[[ inputs.platforms | split(',') ]]"
`
    const renderVersioned = (args: string[]) =>
      renderIn({ 'versioned.yml': versioned }, ['versioned.yml', ...args])
    const noSplit =
      "no function matching `split(',')`: check that the function name, arguments, and types are correct\n"

    it('renders as 19.2 by default, where split is off until its flag is named', async () => {
      expect(await renderVersioned([])).toMatchObject({ code: 1, err: noSplit })
      const { code, out } = await renderVersioned([
        '--feature-flag',
        'ci_interpolation_split_function',
        '--json',
      ])
      expect(code).toBe(0)
      expect(JSON.parse(out)).toEqual({
        ok: true,
        config: { job: { tags: ['docker'], variables: { PLATFORMS: ['linux/amd64', 'linux/arm64'] } } },
      })
    })

    it("18.11 gives 18.11's message for array options", async () => {
      expect(await renderVersioned(['--gitlab-version', '18.11'])).toMatchObject({
        code: 1,
        err: '`tags` input: Options can only be used with string and number inputs\n',
      })
    })

    it('19.0 checks every element of an array input against its options', async () => {
      expect(
        await renderVersioned(['--gitlab-version', '19.0', '--input', 'tags=[gpu, docker, arm]', '--json']),
      ).toMatchObject({
        code: 1,
        out: `${JSON.stringify({ ok: false, error: '`tags` input: gpu, arm cannot be used because it is not in the list of allowed options' })}\n`,
      })
    })

    it('an unsupported version or an unknown flag is a usage error (exit 2)', async () => {
      const old = await renderVersioned(['--gitlab-version', '17.0'])
      expect(old.code).toBe(2)
      expect(old.err).toContain('GitLab 17.0 is not supported: render as one of 18.11, 19.0, 19.1, 19.2')
      const flag = await renderVersioned(['--feature-flag', 'ci_nope'])
      expect(flag.code).toBe(2)
      expect(flag.err).toContain('unknown feature flag `ci_nope`')
      const early = await renderVersioned([
        '--gitlab-version',
        '19.0',
        '--feature-flag',
        'ci_interpolation_split_function',
      ])
      expect(early.code).toBe(2)
      expect(early.err).toContain('exists from GitLab 19.2; GitLab 19.0 does not have it')
    })
  })

  it.each([[['--json']], [[]]])(
    'a malformed --input value is a one-line error, also with %j',
    async (extra) => {
      const { code, out, err } = await renderIn({}, ['component.yml', '--input', 'count=[oops', ...extra])
      expect(code).toBe(2)
      const message = (extra.length ? out : err).trimEnd()
      expect(message.split('\n')).toHaveLength(1)
      if (extra.length) {
        expect(JSON.parse(out)).toEqual({
          ok: false,
          error: expect.stringMatching(
            /^--input count is not valid YAML: \(<unknown>\): did not find expected ',' or ']'/,
          ),
        })
        expect(err).toBe('')
      } else {
        expect(err).toMatch(/^--input count is not valid YAML: /)
        expect(out).toBe('')
      }
    },
  )

  it('a component under templates/ gets the working tree as component context without --context-file', async () => {
    const template = `spec:
  component: [name, sha, version, reference]
---
job:
  script:
    - echo "$[[ component.name ]] $[[ component.sha ]] $[[ component.version ]] $[[ component.reference ]]"
`
    const repo = gitdir({ 'package.json': '{}', 'templates/build/template.yml': template })
    const sha = repo.git('rev-parse', 'HEAD')
    const render = async () => {
      const io = memoryIo(repo.root)
      expect(await main(['render', 'templates/build/template.yml', '--json'], io)).toBe(0)
      return (JSON.parse(io.out) as { config: { job: { script: string[] } } }).config.job.script[0]
    }
    // On a branch GitLab resolves no catalog version: `version` is null, which interpolates as nothing.
    expect(await render()).toBe(`echo "build ${sha}  main"`)
    repo.git('tag', '1.2.3')
    expect(await render()).toBe(`echo "build ${sha} 1.2.3 1.2.3"`)
  })

  it('a missing file is reported, not thrown', async () => {
    const { code, out } = await renderIn({}, ['nope.yml', '--json'])
    expect(code).toBe(2)
    expect(JSON.parse(out)).toEqual({ ok: false, error: expect.stringContaining('cannot read file') })
  })
})

describe('the real bin', () => {
  const bin = fileURLToPath(new URL('../../../../bin/catalog.js', import.meta.url))
  const dist = fileURLToPath(new URL('../../../../dist/index.js', import.meta.url))

  it('renders through `catalog render --json` in a child process', () => {
    if (!existsSync(dist))
      execFileSync('npx', ['turbo', 'run', 'build', '--filter=@catalog/cli...'], { stdio: 'ignore' })
    const cwd = testdir({ 'component.yml': component })
    const result = spawnSync(
      process.execPath,
      [bin, 'render', 'component.yml', '--input', 'count=1', '--json'],
      {
        cwd,
        encoding: 'utf8',
      },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect((JSON.parse(result.stdout) as { ok: boolean }).ok).toBe(true)
  })
})
