import { memoryIo } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from '../../site/__tests__/fixture.js'

describe('catalog show', () => {
  it('prints the component page: description, inputs, outputs, runner, usage, versions', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['show', 'kaniko', '--project-path', 'platform/catalog'], io)).toBe(0)
    expect(io.err).toBe('')
    const sha = repo.shas['1.1.0']
    const date = (tag: string) =>
      repo.git('for-each-ref', '--format=%(creatordate:short)', `refs/tags/${tag}`)
    expect(io.out).toBe(`kaniko 1.1.0
Daemonless image build with kaniko.

Builds an image without a Docker daemon.

Inputs (4, 2 required)
  INPUT       TYPE    REQUIRED  DEFAULT  ALLOWED                   DESCRIPTION
  job_name    string  no        kaniko   -                         Name of the build job.
  image_name  string  yes       -        -                         Repository the image is pushed to.
  cache_ttl   number  yes       -        -                         Cache lifetime in hours.
  log_level   string  no        info     one of debug, info, warn  -

Outputs (dotenv variables for jobs that need this one)
  VARIABLE      DESCRIPTION
  IMAGE_DIGEST  The pushed digest.

Runner
  Runs on an unprivileged runner.
  - Docker or Kubernetes executor

Limits
  - Kaniko is archived upstream.

Minimum GitLab
  17.0

Usage
  include:
    - component: $CI_SERVER_FQDN/platform/catalog/kaniko@1.1.0
      inputs:
        image_name: <image_name>
        cache_ttl: <cache_ttl>  # number

  Version references (replace @1.1.0 with any of them):
  @1.1.0  Exact
    Exactly release 1.1.0, nothing else: the safest pin, it changes only when you change it.
  @1.1  Minor
    The newest 1.1.x release, so patch releases arrive on their own. Resolves only for published catalog releases and never picks a pre-release.
  @1  Major
    The newest 1.x.y release: new features and fixes, no breaking changes. Resolves only for published catalog releases and never picks a pre-release.
  @~latest  ~latest
    The newest release of any major version, so breaking changes arrive unannounced. Resolves only for published catalog releases and never picks a pre-release.
  @${sha}  Commit SHA
    The commit of release 1.1.0: a SHA never changes, but it does not say which version it is.

Versions
  2.0.0-rc.1 pre-release (${date('2.0.0-rc.1')})
    - Rename \`image\`.
  1.1.0 (${date('1.1.0')})
    - Add \`cache_ttl\`.
  1.0.0 (${date('1.0.0')})
    - No changes to this component.
`)
  })

  it('prints the same data as JSON with --json', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['show', 'kaniko', '--json'], io)).toBe(0)
    const shown = JSON.parse(io.out)
    expect(shown.name).toBe('kaniko')
    expect(shown.requiredInputs).toEqual(['image_name', 'cache_ttl'])
    expect(shown.inputs.map((input: { name: string }) => input.name)).toEqual([
      'job_name',
      'image_name',
      'cache_ttl',
      'log_level',
    ])
    expect(shown.references.map((reference: { ref: string }) => reference.ref)).toEqual([
      '1.1.0',
      '1.1',
      '1',
      '~latest',
      repo.shas['1.1.0'],
    ])
    expect(shown.references[0].snippet).toContain('$CI_SERVER_FQDN/<group>/<project>/kaniko@1.1.0')
    expect(shown.outputs).toEqual([{ name: 'IMAGE_DIGEST', description: 'The pushed digest.' }])
  })

  it('names the known components when the name is unknown (exit 1, no stack)', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['show', 'kanico'], io)).toBe(1)
    expect(io.out).toBe('')
    expect(io.err).toBe('catalog: unknown component `kanico`; the catalog has: buildah, kaniko\n')
  })

  it('asks for a component name', async () => {
    const repo = catalogRepo()
    const io = memoryIo(repo.root)
    expect(await main(['show'], io)).toBe(2)
    expect(io.err).toMatch(/^catalog: which component\? Pass its name: `catalog show <component>`\n/)
  })
})
