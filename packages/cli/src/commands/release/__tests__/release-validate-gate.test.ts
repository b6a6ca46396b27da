import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { memoryIo } from '@catalog/test-utils'
import { expect, it } from 'vitest'
import { main } from '../../../index.js'
import { run } from '../index.js'
import { catalogRepo, PASSING_TEMPLATE } from './catalog-repo.js'

// The real `catalog validate` gate (no stand-in), on a small catalog that passes every rule.

// PASSING_TEMPLATE plus a `greeting` input the job prints.
const TEMPLATE = PASSING_TEMPLATE.replace(
  '\n---\n',
  "\n    greeting:\n      type: string\n      default: hello\n      description: 'What to say.'\n---\n",
).replace('- echo hello', '- echo $[[ inputs.greeting | posix_escape ]]')

const changeset = (level: string, text: string) =>
  `---\n"container-build-catalog": ${level}\n---\n\n${text}\n`

async function catalog(root: string, args: string[]) {
  const io = memoryIo(root)
  const code = await main(args, io)
  return { code, out: io.out, err: io.err }
}

it('releases through the real validate gate, refreshes the docs for the tag, and refuses once a rule breaks', {
  timeout: 120_000,
}, async () => {
  // The strict profile, as this catalog runs it: the untyped input below is a house rule.
  const repo = await catalogRepo(
    TEMPLATE,
    { '.changeset/README.md': '# Changesets\n', '.catalogrc.yml': 'profile: strict\n' },
    'catalog',
  )
  writeFileSync(join(repo.root, '.changeset/first.md'), changeset('minor', 'hello: first release'))
  repo.commit('changeset')

  const io = memoryIo(repo.root)
  const code = await run(['--date', '2026-11-23'], io)
  expect(io.err).toBe('')
  expect(code).toBe(0)
  expect(repo.git('tag', '--list')).toBe('1.0.0')
  // The catalog table names the new version, and the tagged tree passes validate as the tag pipeline will run it.
  expect(readFileSync(join(repo.root, 'README.md'), 'utf8')).toContain('| 1.0.0 |')
  expect(io.out).toContain('regenerated README.md for 1.0.0')
  const tagged = await catalog(repo.root, ['validate'])
  expect(tagged.out + tagged.err).toContain('0 errors')
  expect(tagged.code).toBe(0)

  // An untyped input breaks the `input-untyped` rule: the real gate refuses and nothing changes.
  writeFileSync(
    join(repo.root, 'templates/hello/template.yml'),
    TEMPLATE.replace('    greeting:\n      type: string\n', '    greeting:\n'),
  )
  writeFileSync(join(repo.root, '.changeset/untyped.md'), changeset('patch', 'hello: simpler greeting'))
  repo.commit('break a rule')
  const head = repo.git('rev-parse', 'HEAD')
  const refused = memoryIo(repo.root)
  expect(await run(['--date', '2026-11-24'], refused)).toBe(1)
  expect(refused.err).toContain('catalog validate failed:')
  expect(refused.err).toContain('templates/hello/template.yml:15: input-untyped:')
  expect(repo.git('rev-parse', 'HEAD')).toBe(head)
  expect(repo.git('tag', '--list')).toBe('1.0.0')
  expect(repo.git('status', '--porcelain')).toBe('')
})
