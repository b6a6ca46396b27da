import { readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { copyFixture, memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { main } from '../../index.js'

// The fixture catalog is copied into a temporary directory (removed after the test) before a command runs on it.
const cleanCatalog = fileURLToPath(new URL('./fixtures/clean-catalog/', import.meta.url))

const TEMPLATE = 'templates/build/template.yml'

/**
 * The clean fixture (whose .catalogrc.yml picks the strict profile) with a fixed stage (line 21, which also leaves the `stage` input on line 7 unused) and an input
 * pasted unquoted into a script (line 26).
 */
const brokenText = (text: string) =>
  text
    .replace('stage: $[[ inputs.stage ]]', 'stage: build')
    .replace('- docker build "$BUILD_CONTEXT"', '- docker build $[[ inputs.context ]]')
const broken = () => copyFixture(cleanCatalog, { [TEMPLATE]: brokenText })

// Loading and compiling GitLab's CI schema takes a while on a busy machine; speed is measured in `npm run bench`.
describe('catalog validate', { timeout: 30_000 }, () => {
  it('passes a clean catalog and prints a summary', async () => {
    const io = memoryIo(copyFixture(cleanCatalog))
    expect(await main(['validate'], io)).toBe(0)
    expect(io.err).toBe('')
    expect(io.out).toMatch(
      /^catalog validate: 1 component, 1 scenario: 0 errors, 0 warnings \(strict profile, \d+\.\d\d s\)\n$/,
    )
  })

  it('finds the catalog from a subdirectory', async () => {
    const io = memoryIo(join(copyFixture(cleanCatalog), 'templates', 'build'))
    expect(await main(['validate'], io)).toBe(0)
    expect(io.out).toMatch(/^catalog validate: 1 component, 1 scenario: 0 errors, 0 warnings /)
  })

  it('finds a catalog without package.json (most GitLab catalogs have none)', async () => {
    const root = testdir({
      'README.md': '# Components\n',
      'templates/build/template.yml': 'build:\n  image: alpine:3.20.3\n  script: [make]\n',
    })
    const io = memoryIo(join(root, 'templates', 'build'))
    expect(await main(['validate'], io)).toBe(0)
    expect(io.out).toMatch(
      /^catalog validate: 1 component, 0 scenarios: 0 errors, 1 warning \(recommended profile, /m,
    )
  })

  it('prints file:line: rule: message for each finding and exits 1', async () => {
    const io = memoryIo(broken())
    expect(await main(['validate'], io)).toBe(1)
    const lines = io.out.trimEnd().split('\n')
    expect(lines.map((line) => line.split(': ').slice(0, 2).join(': '))).toEqual([
      `${TEMPLATE}:7: input-unused`,
      `${TEMPLATE}:21: stage-not-input`,
      `${TEMPLATE}:26: shell-injection`,
      'catalog validate: 1 component, 1 scenario',
    ])
    expect(lines.at(-1)).toMatch(/: 3 errors, 0 warnings \(/)
  })

  it('--json prints one object with the findings and the summary', async () => {
    const io = memoryIo(broken())
    expect(await main(['validate', '--json'], io)).toBe(1)
    const report = JSON.parse(io.out) as {
      findings: Record<string, unknown>[]
      summary: Record<string, unknown>
    }
    expect(Object.keys(report).sort()).toEqual(['findings', 'summary'])
    expect(report.findings[1]).toEqual({
      file: TEMPLATE,
      line: 21,
      col: 10,
      rule: 'stage-not-input',
      severity: 'error',
      message: expect.stringContaining('fixed stage (`build`)'),
    })
    expect(report.summary).toEqual({
      components: 1,
      scenarios: 1,
      errors: 3,
      warnings: 0,
      suppressed: 0,
      profile: 'strict',
      durationMs: expect.any(Number),
    })
  })

  it('--format codequality prints a Code Quality report', async () => {
    const io = memoryIo(broken())
    expect(await main(['validate', '--format', 'codequality'], io)).toBe(1)
    const issues = JSON.parse(io.out) as Record<string, unknown>[]
    expect(issues).toEqual([
      {
        description: expect.stringMatching(/^input-unused: /),
        check_name: 'input-unused',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'major',
        location: { path: TEMPLATE, lines: { begin: 7 } },
      },
      {
        description: expect.stringMatching(/^stage-not-input: /),
        check_name: 'stage-not-input',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'major',
        location: { path: TEMPLATE, lines: { begin: 21 } },
      },
      {
        description: expect.stringMatching(/^shell-injection: /),
        check_name: 'shell-injection',
        fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
        severity: 'major',
        location: { path: TEMPLATE, lines: { begin: 26 } },
      },
    ])
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(3)
  })

  it('--output writes the report to a file and the readable log to stdout', async () => {
    const root = broken()
    const io = memoryIo(root)
    expect(
      await main(['validate', '--format', 'codequality', '--output', 'gl-code-quality-report.json'], io),
    ).toBe(1)
    const issues = JSON.parse(readFileSync(join(root, 'gl-code-quality-report.json'), 'utf8')) as unknown[]
    expect(issues).toHaveLength(3)
    expect(io.out).toContain(`${TEMPLATE}:21: stage-not-input: `)
    expect(io.out).toMatch(/catalog validate: .*: 3 errors/)
  })

  it('says in one line when it cannot write --output', async () => {
    const io = memoryIo(copyFixture(cleanCatalog))
    expect(await main(['validate', '--format', 'json', '--output', 'missing/dir/report.json'], io)).toBe(1)
    expect(io.err).toBe(
      'catalog: cannot write missing/dir/report.json (ENOENT: no such file or directory); nothing was written\n',
    )
  })

  it('--rule runs only the named rules', async () => {
    const io = memoryIo(broken())
    expect(await main(['validate', '--rule', 'shell-injection', '--json'], io)).toBe(1)
    const report = JSON.parse(io.out) as { findings: { rule: string }[] }
    expect(report.findings.map((finding) => finding.rule)).toEqual(['shell-injection'])
  })

  it.each([
    [['--format', 'xml'], 'unknown --format `xml`'],
    [['--output', 'x.json'], '--output needs --format json or --format codequality'],
    [['--rule', 'no-such-rule'], 'unknown rule `no-such-rule`'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
  ])('rejects %j with a usage error (exit 2)', async (args, message) => {
    const io = memoryIo(testdir())
    expect(await main(['validate', ...args], io)).toBe(2)
    expect(io.err).toContain(message)
    expect(io.err).toContain('Usage: catalog validate')
    expect(io.err).not.toMatch(/\n\s+at /)
  })

  it('reports what makes an empty directory unpublishable, without a stack trace', async () => {
    const io = memoryIo(testdir({ 'notes.txt': 'not a catalog\n' }))
    expect(await main(['validate'], io)).toBe(1)
    expect(io.out).toContain('README.md:1: catalog-readme: Project must have a README')
    // The project description in package.json is our house rule, not GitLab's: only under --profile strict.
    expect(io.out).not.toContain('catalog-description')
    expect(io.out).toContain('templates:1: catalog-component-count: Project must contain components.')
    expect(io.err).toBe('')
  })

  describe('profiles, the config file and suppressions', () => {
    const withoutConfig = (edit: (text: string) => string) => {
      const root = copyFixture(cleanCatalog, { [TEMPLATE]: edit })
      rmSync(join(root, '.catalogrc.yml'))
      return root
    }

    it('without a config, house style is off and hardening findings are warnings', async () => {
      const io = memoryIo(withoutConfig((text) => brokenText(text)))
      expect(await main(['validate'], io)).toBe(0)
      const lines = io.out.trimEnd().split('\n')
      expect(
        lines.map((line) =>
          line
            .replace(/, \d+\.\d\d s\)$/, ', …')
            .split(': ')
            .slice(0, 3)
            .join(': '),
        ),
      ).toEqual([
        `${TEMPLATE}:7: input-unused: warning`,
        `${TEMPLATE}:26: shell-injection: warning`,
        'catalog validate: 1 component, 1 scenario: 0 errors, 2 warnings (recommended profile, …',
      ])
    })

    it('--profile strict turns the house rules on without a config', async () => {
      const io = memoryIo(withoutConfig((text) => brokenText(text)))
      expect(await main(['validate', '--profile', 'strict'], io)).toBe(1)
      expect(io.out).toContain(`${TEMPLATE}:21: stage-not-input: `)
      expect(io.out).toMatch(/: 3 errors, 0 warnings \(strict profile, /)
    })

    it('a severity override in .catalogrc.yml wins over the profile', async () => {
      const root = copyFixture(cleanCatalog, {
        '.catalogrc.yml': () =>
          'profile: strict\nrules:\n  stage-not-input: off\n  shell-injection:\n    severity: warning\n    reason: reviewed\n',
        [TEMPLATE]: (text) => brokenText(text),
      })
      const io = memoryIo(root)
      expect(await main(['validate'], io)).toBe(1)
      expect(io.out).not.toContain('stage-not-input')
      expect(io.out).toContain(`${TEMPLATE}:26: shell-injection: warning: `)
      expect(io.out).toMatch(/: 1 error, 1 warning \(strict profile, /)
    })

    it('an inline suppression with a reason silences the finding and is counted', async () => {
      const io = memoryIo(
        copyFixture(cleanCatalog, {
          [TEMPLATE]: (text) =>
            brokenText(text).replace(
              '- docker build $[[ inputs.context ]]',
              '- docker build $[[ inputs.context ]]  # catalog-validate: ignore shell-injection the context is a path we control',
            ),
        }),
      )
      expect(await main(['validate'], io)).toBe(1)
      expect(io.out).not.toContain('shell-injection')
      expect(io.out).toMatch(/: 2 errors, 0 warnings, 1 suppressed \(strict profile, /)
    })

    it.each([
      [
        'profile: lenient\n',
        '.catalogrc.yml: profile: `lenient` is not a profile; expected one of recommended, strict',
      ],
      ['rules:\n  image-unpined: off\n', '.catalogrc.yml: rules.image-unpined: unknown rule; rules are: '],
      [
        'rules:\n  image-unpinned:\n    pin: sha\n',
        '.catalogrc.yml: rules.image-unpinned.pin: `sha` is not allowed; expected one of digest, tag',
      ],
      ['rules: [1\n', '.catalogrc.yml: not valid YAML: '],
    ])('a bad config is one line, no stack trace: %j', async (config, message) => {
      const io = memoryIo(copyFixture(cleanCatalog, { '.catalogrc.yml': () => config }))
      expect(await main(['validate'], io)).toBe(1)
      expect(io.err).toContain(`catalog: ${message}`)
      expect(io.err.trimEnd().split('\n')).toHaveLength(1)
    })

    it('an unknown --profile is a usage error', async () => {
      const io = memoryIo(copyFixture(cleanCatalog))
      expect(await main(['validate', '--profile', 'lenient'], io)).toBe(2)
      expect(io.err).toContain('unknown --profile `lenient`; expected one of recommended, strict')
    })
  })

  it("asks GitLab's CI Lint API when CI_SERVER_URL and a token are set", async () => {
    const requests: { url: string; token: string | undefined; body: { content?: string } }[] = []
    const server = createServer((request: IncomingMessage, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        requests.push({
          url: request.url ?? '',
          token: request.headers['private-token'] as string | undefined,
          body: JSON.parse(body) as { content?: string },
        })
        response.setHeader('content-type', 'application/json')
        response.end(
          JSON.stringify({
            valid: false,
            errors: ['jobs:build-image config contains unknown keys: frobnicate'],
            warnings: ['jobs:build-image may allow multiple pipelines to run'],
          }),
        )
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const { port } = server.address() as AddressInfo
    const io = memoryIo(copyFixture(cleanCatalog), {
      CI_SERVER_URL: `http://127.0.0.1:${port}/`,
      CI_LINT_TOKEN: 'lint-token',
      CI_PROJECT_ID: '42',
    })
    expect(await main(['validate', '--rule', 'ci-schema', '--json'], io)).toBe(1)
    expect(requests).toHaveLength(1)
    expect(requests[0]?.url).toBe('/api/v4/projects/42/ci/lint')
    expect(requests[0]?.token).toBe('lint-token')
    expect(requests[0]?.body.content).toContain('stages:\n  - build\nbuild-image:\n')
    const report = JSON.parse(io.out) as { findings: Record<string, unknown>[] }
    expect(report.findings).toEqual([
      expect.objectContaining({
        file: TEMPLATE,
        line: 20,
        rule: 'ci-schema',
        severity: 'error',
        message: expect.stringContaining('jobs:build-image config contains unknown keys: frobnicate'),
      }),
      expect.objectContaining({ line: 20, severity: 'warning' }),
    ])
  })
})
