// lib/catalog-lib.sh in the shells job images have (busybox ash, bash, dash), and its copies in the templates.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { render } from '@catalog/engine'
import { describe, expect, it } from 'vitest'
import { embedLib, LIB_MARKER, readLib } from './catalog-lib.js'

const templates = new URL('../../templates/', import.meta.url).pathname
const busybox = ['/opt/catalog-e2e/busybox/1.37.0/busybox', '/bin/busybox'].find(existsSync)
const shells: [string, string[]][] = [
  ['bash', ['bash', '-s']],
  ['dash', ['dash', '-s']],
  ...(busybox ? ([['busybox ash', [busybox, 'sh', '-s']]] as [string, string[]][]) : []),
]
if (!busybox) console.log('SKIP catalog-lib under busybox ash: no busybox binary on this machine')

/** Runs the library plus `body` with `env`; prints each list item between `<` and `>`. */
function runLib(shell: string[], body: string, env: Record<string, string>) {
  const [command = 'sh', ...args] = shell
  const result = spawnSync(command, args, {
    input: `${readLib()}\n${body}\n`,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  })
  return { status: result.status, out: result.stdout, err: result.stderr }
}
const printItems = 'list_init test "$LIST"\nwhile list_next; do printf "<%s>\\n" "$_item"; done'

/** A list input as GitLab hands it to the job: the engine's rendering of `'$[[ inputs.x ]] '`. */
function renderedList(items: string[]): string {
  const source = `spec:\n  inputs:\n    x:\n      type: array\n---\njob:\n  variables:\n    LIST: '$[[ inputs.x ]] '\n`
  const result = render(source, { inputs: { x: items } })
  if (!result.ok) throw new Error(result.error)
  return (result.config as { job: { variables: { LIST: string } } }).job.variables.LIST
}

describe.each(shells)('catalog-lib in %s', (_name, shell) => {
  it('one input item is one argument, whatever a variable in it holds', () => {
    const list = renderedList(['GIT_BRANCH=$EVIL', 'B=${EVIL}', 'plain'])
    const evil = 'main","BASE_IMAGE=evil.example/pwn'
    const result = run(shell, list, { EVIL: evil })
    expect(result.status, result.err).toBe(0)
    expect(result.out).toBe(`<GIT_BRANCH=${evil}>\n<B=${evil}>\n<plain>\n`)
  })

  it.each([
    ['a "quoted" value', 'a "quoted" value'],
    ['a, comma', 'a, comma'],
    ['a ] bracket', 'a ] bracket'],
    ['a \\ backslash', 'a \\ backslash'],
    ['C:\\dir\\path', 'C:\\dir\\path'],
    ['$$ a dollar', '$ a dollar'],
    ['#{x} hash', '#{x} hash'],
    ['$UNSET empty', ' empty'],
    ['${V}$V', 'vv'],
  ])('keeps %j as one item: %j', (item, expected) => {
    const result = run(shell, renderedList([item, 'next']), { V: 'v' })
    expect(result.status, result.err).toBe(0)
    expect(result.out).toBe(`<${expected}>\n<next>\n`)
  })

  it("reads gitlab-ci-local's JSON form too", () => {
    const result = run(shell, '["a","b c"] ', {})
    expect(result.out).toBe('<a>\n<b c>\n')
  })

  it.each([
    ['not a list', 'input test: expected a list such as ["a", "b"]'],
    ['["a" "b"]', 'input test: expected , or ]'],
    ['["a"] x', 'input test: unexpected text after the list'],
    [
      '["a\\nb"]',
      'input test: backslash sequences such as \\n are not supported in items (GitLab renders a control character and a backslash the same way)',
    ],
    ['[nil]', 'input test: null items are not allowed'],
  ])('fails clearly on %j', (list, message) => {
    const result = run(shell, list, {})
    expect(result.status).toBe(1)
    expect(result.err.trim()).toBe(`ERROR: ${message}`)
  })

  it('env_value reads a variable named by an input, and fails clearly when it is missing or not a name', () => {
    expect(runLib(shell, 'env_value SECRET_VAR', { SECRET_VAR: 'line 1\nline 2' }).out).toBe('line 1\nline 2')
    expect(runLib(shell, 'env_value MISSING_VAR', {}).err.trim()).toBe(
      'ERROR: variable MISSING_VAR is not set',
    )
    expect(runLib(shell, "env_value 'A;B'", {}).err.trim()).toBe("ERROR: 'A;B' is not a variable name")
  })

  it('write_docker_config merges the auths: keeps credHelpers and credsStore, adds to existing auths, the new entry wins', () => {
    const cases: [string | undefined, unknown][] = [
      [undefined, { auths: { r: { auth: 'new' } } }],
      ['', { auths: { r: { auth: 'new' } } }],
      ['{}', { auths: { r: { auth: 'new' } } }],
      [
        '{"credHelpers":{"123.dkr.ecr.aws":"ecr-login"}}',
        { auths: { r: { auth: 'new' } }, credHelpers: { '123.dkr.ecr.aws': 'ecr-login' } },
      ],
      [
        '{"auths":{"a":{"auth":"a\\"}b"},"r":{"auth":"old"}},"credsStore":"desktop"}',
        { auths: { a: { auth: 'a"}b' }, r: { auth: 'new' } }, credsStore: 'desktop' },
      ],
      ['{\n  "auths": {}\n}\n', { auths: { r: { auth: 'new' } } }],
    ]
    for (const [config, expected] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'catalog-lib-config-'))
      try {
        if (config !== undefined) writeFileSync(join(dir, 'from.json'), config)
        const result = runLib(
          shell,
          `auths='"r":{"auth":"new"}'\nwrite_docker_config "$D/from.json" "$D/to.json"`,
          {
            D: dir,
          },
        )
        expect(result.status, result.err).toBe(0)
        expect(JSON.parse(readFileSync(join(dir, 'to.json'), 'utf8')), String(config)).toEqual(expected)
        expect(statSync(join(dir, 'to.json')).mode & 0o777).toBe(0o600)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  })

  it('registry_auths builds the login and dependency proxy entries from the environment, without echoing them', () => {
    const result = runLib(shell, 'registry_auths; printf "%s" "$auths"', {
      CONTAINER_BUILD_REGISTRY: 'registry.example:5000',
      CONTAINER_BUILD_REGISTRY_USER: 'ci',
      CONTAINER_BUILD_REGISTRY_PASSWORD_VARIABLE: 'MY_TOKEN',
      MY_TOKEN: 'p@ss word',
      CI_DEPENDENCY_PROXY_SERVER: 'gitlab.example:443',
      CI_DEPENDENCY_PROXY_USER: 'proxy',
      CI_DEPENDENCY_PROXY_PASSWORD: 'proxy-pass',
    })
    expect(result.status, result.err).toBe(0)
    const base64 = (text: string) => Buffer.from(text).toString('base64')
    expect(JSON.parse(`{${result.out}}`)).toEqual({
      'registry.example:5000': { auth: base64('ci:p@ss word') },
      'gitlab.example': { auth: base64('proxy:proxy-pass') },
    })
    expect(result.err).toBe('')
    const noLogin = runLib(shell, 'registry_auths; printf "[%s]" "$auths"', {
      CONTAINER_BUILD_REGISTRY_USER: '',
    })
    expect(noLogin.out).toBe('[]')
    const badHost = runLib(shell, 'registry_auths', {
      CONTAINER_BUILD_REGISTRY: 'a"b',
      CONTAINER_BUILD_REGISTRY_USER: 'ci',
    })
    expect(badHost.err.trim()).toBe(`ERROR: invalid registry host 'a"b'`)
  })

  it("image_report writes today's dotenv names by default, prefixed ones and the platform for a per-platform build", () => {
    const digest = `sha256:${'a'.repeat(64)}`
    const report = (env: Record<string, string>) => {
      const dir = mkdtempSync(join(tmpdir(), 'catalog-lib-report-'))
      try {
        const script = `cd "$DIR" && image_report ${digest} registry.example/group/app latest >/dev/null && cat image.env`
        return runLib(shell, script, { DIR: dir, ...env })
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    expect(report({}).out).toBe(
      `IMAGE_DIGEST=${digest}\nIMAGE_REF=registry.example/group/app@${digest}\nIMAGE_TAG=latest\n`,
    )
    expect(
      report({ CONTAINER_BUILD_OUTPUT_PREFIX: 'ARM64_', CONTAINER_BUILD_PLATFORM: 'linux/arm64' }).out,
    ).toBe(
      `ARM64_IMAGE_DIGEST=${digest}\nARM64_IMAGE_REF=registry.example/group/app@${digest}\nARM64_IMAGE_TAG=latest\nARM64_IMAGE_PLATFORM=linux/arm64\n`,
    )
    expect(report({ CONTAINER_BUILD_OUTPUT_PREFIX: 'ARM64' }).err.trim()).toBe(
      "ERROR: output_prefix 'ARM64' is not a variable name prefix ending in _ such as AMD64_",
    )
  })

  it("check_platform_build refuses what would give a per-platform image the pipeline's tags", () => {
    const check = (env: Record<string, string>) => runLib(shell, 'check_platform_build && echo ok', env)
    expect(check({ CONTAINER_BUILD_EXTRA_TAGS: '[] ', CONTAINER_BUILD_PLATFORM_TAG: 'arm64-1' }).out).toBe(
      'ok\n',
    )
    expect(check({ CONTAINER_BUILD_PLATFORMS: 'linux/amd64,linux/arm64' }).err.trim()).toBe(
      'ERROR: platform and platforms exclude each other: platform builds one native platform for the manifest component to merge, platforms builds several in this job',
    )
    expect(check({ CONTAINER_BUILD_EXTRA_TAGS: '["stable"] ' }).err.trim()).toBe(
      'ERROR: extra_tags cannot be used with platform: the per-platform image is pushed by digest; give the tags to the manifest job, or one per-platform tag in platform_tag',
    )
    expect(check({ CONTAINER_BUILD_PLATFORM_TAG: 'bad tag' }).err.trim()).toBe(
      "ERROR: invalid image tag 'bad tag' (allowed: [A-Za-z0-9_][A-Za-z0-9_.-]*)",
    )
  })

  it("run_logged keeps the output in the job log and, with build_log, in the file; the status is the command's", () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-lib-log-'))
    try {
      const script = [
        'cd "$DIR"',
        'start_build_log',
        'run_logged sh -c "echo out; echo err >&2; exit 3" || echo "status $?"',
        'run_logged sh -c "echo again"',
        'echo "status $?"',
      ].join('\n')
      const logged = runLib(shell, script, { DIR: dir, CONTAINER_BUILD_LOG: 'logs/build.log' })
      expect(logged.out).toBe('out\nerr\nstatus 3\nagain\nstatus 0\n')
      expect(readFileSync(join(dir, 'logs/build.log'), 'utf8')).toBe('out\nerr\nagain\n')
      // Without build_log the command runs as it is: stderr stays stderr, no file.
      const plain = runLib(shell, script, { DIR: dir, CONTAINER_BUILD_LOG: '' })
      expect(plain).toMatchObject({ out: 'out\nstatus 3\nagain\nstatus 0\n', err: 'err\n' })
      expect(readdirSync(dir)).toEqual(['logs'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(['/etc/passwd', '../up.log', 'a/../../b', './a', 'a//b', 'logs/'])(
    'start_build_log refuses %j: the artifact must be a file inside the project',
    (path) => {
      const result = runLib(shell, 'start_build_log && echo started', { CONTAINER_BUILD_LOG: path })
      expect(result.status).toBe(1)
      expect(result.err.trim()).toBe(
        `ERROR: build_log '${path}' is not a relative path inside the project directory`,
      )
    },
  )

  it('without_credentials strips user:password@ from a URL', () => {
    expect(runLib(shell, 'without_credentials http://user:p%40ss@proxy.example:3128/x', {}).out).toBe(
      'http://proxy.example:3128/x',
    )
    expect(runLib(shell, 'without_credentials http://proxy.example:3128', {}).out).toBe(
      'http://proxy.example:3128',
    )
  })
})

function run(shell: string[], list: string, env: Record<string, string>) {
  return runLib(shell, printItems, { ...env, LIST: list })
}

describe('the copies in the templates', () => {
  const names = readdirSync(templates).filter((name) => existsSync(join(templates, name, 'template.yml')))

  it.each(names)(
    'templates/%s/template.yml carries lib/catalog-lib.sh exactly (npm run sync-lib)',
    (name) => {
      const text = readFileSync(join(templates, name, 'template.yml'), 'utf8')
      if (!text.includes(LIB_MARKER)) {
        // Only a component made of another component's template (kaniko-proxy includes kaniko's) has no copy.
        expect(text).toMatch(/^include:\n(\s+#.*\n)*\s+- local: \/templates\//m)
        return
      }
      const embedded = embedLib(text, readLib())
      expect(embedded.ok && embedded.text === text).toBe(true)
    },
  )

  it('embedLib replaces only the marked script item', () => {
    const template = 'job:\n  script:\n    - |  # catalog-lib\n      old\n      old\n    - echo after\n'
    const result = embedLib(template, '# header\nnew() { :; }\n')
    expect(result).toEqual({
      ok: true,
      text: `job:\n  script:\n    - |  ${LIB_MARKER}\n      new() { :; }\n    - echo after\n`,
    })
    expect(embedLib('job: {}\n', 'x')).toEqual({ ok: false, error: 'no `- |  # catalog-lib` script item' })
  })
})
