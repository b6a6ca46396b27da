import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import {
  CI_SCHEMA_TESTED_WITH,
  createCiSchemaValidator,
  readBundledCiSchema,
  withoutEditorOnlyConstraints,
} from './ci-schema.js'
import { ToolUnavailableError } from './types.js'

const fake = (text: string) => ({ path: join(testdir({ 'index.js': text }), 'index.js'), version: '9.9.9' })

describe('readBundledCiSchema', () => {
  it('reads the schema from the pinned gitlab-ci-local', () => {
    const manifest = createRequire(import.meta.url).resolve('gitlab-ci-local/package.json')
    expect(JSON.parse(readFileSync(manifest, 'utf8')).version).toBe(CI_SCHEMA_TESTED_WITH)
    const pinned = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(pinned.dependencies['gitlab-ci-local']).toBe(CI_SCHEMA_TESTED_WITH)
    const schema = readBundledCiSchema() as { definitions: Record<string, unknown> }
    expect(Object.keys(schema.definitions)).toContain('job_template')
  })

  it.each([
    [
      'the $id is gone',
      'var Sn={$schema:"x",definitions:{}};',
      'no object with $id:"https://gitlab.com/.gitlab-ci.yml"',
    ],
    [
      'the literal is not closed',
      'var Sn={$schema:"x",$id:"https://gitlab.com/.gitlab-ci.yml",a:{',
      'no `{$schema:…}` object literal',
    ],
    [
      'the literal calls code',
      'var Sn={$schema:"x",$id:"https://gitlab.com/.gitlab-ci.yml",a:require("fs")};',
      'the literal does not evaluate: ReferenceError: require is not defined',
    ],
    [
      'the definitions moved',
      'var Sn={$schema:"x",$id:"https://gitlab.com/.gitlab-ci.yml",defs:{}};',
      'it has no `definitions.job_template`',
    ],
  ])('fails with a clear message when %s', (_, text, why) => {
    const read = () => readBundledCiSchema(fake(text))
    expect(read).toThrow(ToolUnavailableError)
    expect(read).toThrow(
      `gitlab-ci-local 9.9.9's dist/index.js no longer holds GitLab's CI schema the way ${CI_SCHEMA_TESTED_WITH} does (${why}`,
    )
  })

  it('names the missing file', () => {
    expect(() => readBundledCiSchema({ path: '/nonexistent/index.js', version: '9.9.9' })).toThrow(
      '(cannot read it: ENOENT)',
    )
  })
})

describe('withoutEditorOnlyConstraints', () => {
  it('drops minItems, uniqueItems and format, but keeps them where GitLab enforces them and keeps property names', () => {
    const schema = {
      definitions: {
        tags: { type: 'array', minItems: 1, uniqueItems: true },
        script: {
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1 },
          ],
        },
        thing: { properties: { format: { type: 'string', format: 'uri' } } },
      },
    }
    expect(withoutEditorOnlyConstraints(schema)).toEqual({
      definitions: {
        tags: { type: 'array' },
        script: {
          oneOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1 },
          ],
        },
        thing: { properties: { format: { type: 'string' } } },
      },
    })
  })
})

describe('createCiSchemaValidator', { timeout: 30_000 }, () => {
  it('accepts what GitLab accepts and rejects what GitLab rejects', async () => {
    const validate = await createCiSchemaValidator()
    const job = (extra: Record<string, unknown>) => ({ build: { script: ['make'], ...extra } })
    expect(validate(job({ tags: [] }))).toEqual([])
    expect(validate(job({ artifacts: { paths: [] } }))).toEqual([])
    expect(validate(job({ image: { name: 'alpine:3.20', entrypoint: [] } }))).toEqual([])
    expect(validate({ build: { script: [] } }).map((error) => error.path)).toContain('/build/script')
    expect(validate(job({ when: 'sometimes' })).map((error) => error.path)).toContain('/build/when')
  })
})

describe('the compiled validator is kept between runs', { timeout: 30_000 }, () => {
  const configs = [
    { build: { script: ['make'], tags: [] } },
    { build: { script: [] } },
    { build: { when: 'x' } },
  ]

  it('the cached standalone code judges exactly as the compiled schema', async () => {
    const cacheDir = testdir()
    const compiled = await createCiSchemaValidator(undefined, cacheDir)
    const [file] = readdirSync(cacheDir)
    expect(file).toMatch(/^ci-schema-[0-9a-f]{16}\.cjs$/)
    const cached = await createCiSchemaValidator(undefined, cacheDir)
    for (const config of configs) expect(cached(config)).toEqual(compiled(config))
  })

  it('a damaged cache file is compiled again and replaced', async () => {
    const cacheDir = testdir()
    await createCiSchemaValidator(undefined, cacheDir)
    const [file] = readdirSync(cacheDir)
    writeFileSync(join(cacheDir, file ?? ''), 'module.exports = (')
    const validate = await createCiSchemaValidator(undefined, cacheDir)
    expect(validate(configs[1]).map((error) => error.path)).toContain('/build/script')
    expect(readFileSync(join(cacheDir, file ?? ''), 'utf8')).toContain('validate')
  })
})
