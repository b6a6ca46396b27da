/**
 * Differential test against a real peer: gitlab-ci-local 4.70.0 (`--preview`) renders the same includes, in one
 * run, and every job our engine renders must deep-equal the job in its preview.
 *
 * The fixtures in `differential/` are function-free and written in the shape gitlab-ci-local's preview prints
 * (it normalises `image:` to `{ name }` and `needs:` entries (adding or dropping `optional`), prints job `variables` as
 * strings, resolves `extends:` and drops hidden jobs), so no normalisation is needed on our side. Where gitlab-ci-local differs from GitLab 18.11, GitLab
 * wins and the behaviour is covered by the conformance tables instead, not here:
 *   - interpolation functions (`expand_vars`, `truncate`, `posix_escape`) are not applied;
 *   - undeclared inputs are accepted (GitLab: `unknown input arguments: …`);
 *   - `regex:` uses JavaScript regular expressions, not RE2;
 *   - arrays embedded in a string are JSON (`["a","b"]`), GitLab prints Ruby `inspect` (`["a", "b"]`);
 *   - array index access (`$[[ inputs.list[0] ]]`, GA in 18.11) is not supported.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { render } from '@catalog/engine'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'

const fixtures = fileURLToPath(new URL('./differential/', import.meta.url))
const gitlabCiLocal = fileURLToPath(new URL('../../../node_modules/.bin/gitlab-ci-local', import.meta.url))

const includes: { template: string; inputs?: Record<string, unknown> }[] = [
  {
    template: 'buildx.yml',
    inputs: {
      job_name: 'img-build',
      push: false,
      retries: 2,
      platforms: ['linux/amd64', 'linux/arm64'],
      context: 'app',
    },
  },
  { template: 'defaults.yml' },
  { template: 'anchors.yml', inputs: { prefix: 'anc', count: 3 } },
  { template: 'matrix.yml', inputs: { providers: ['aws', 'azure'] } },
]

let root = ''
let preview: Record<string, unknown> = {}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'engine-differential-'))
  cpSync(fixtures, join(root, 'templates'), { recursive: true })
  const pipeline = {
    stages: ['build', 'test', 'deploy'],
    include: includes.map(({ template, inputs }) => ({
      local: `templates/${template}`,
      ...(inputs ? { inputs } : {}),
    })),
  }
  writeFileSync(join(root, '.gitlab-ci.yml'), stringify(pipeline))
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: root,
        stdio: 'ignore',
      },
    )
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '-m', 'fixtures')
  const output = execFileSync(gitlabCiLocal, ['--preview'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  preview = parse(output.slice(output.indexOf('---\n'))) as Record<string, unknown>
}, 130_000)

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('engine render equals gitlab-ci-local 4.70.0 --preview', () => {
  it.each(includes)('$template', ({ template, inputs }) => {
    const result = render(readFileSync(join(fixtures, template), 'utf8'), { inputs })
    expect(result.ok ? undefined : result.error).toBeUndefined()
    const config = (result.ok ? result.config : {}) as Record<string, unknown>
    // gitlab-ci-local's preview drops hidden jobs (it has already merged them through anchors or extends).
    const jobs = Object.entries(config).filter(([job]) => !job.startsWith('.'))
    expect(jobs.length).toBeGreaterThan(0)
    for (const [job, definition] of jobs) {
      expect(preview[job], `job ${job}`).toStrictEqual(definition)
    }
  })
})
