import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { memoryIo, testdir } from '@catalog/test-utils'
import { describe, expect, it } from 'vitest'
import { main } from '../../../index.js'
import { catalogRepo } from '../../pin/__tests__/catalog-repo.js'

const catalogPath = 'my-group/container-build'

const consumerFiles = {
  '.gitlab-ci.yml': `include:
  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@1.1.0
  - component: $CI_SERVER_FQDN/my-group/container-build/buildah@1 # newest 1.x
  - component: $CI_SERVER_FQDN/my-group/container-build/cosign-sign@~latest
  - component: $CI_SERVER_FQDN/my-group/container-build/buildx-cache@2.0.0
  - local: ci/extra.yml
`,
  'ci/extra.yml': `include:
  component: $CI_SERVER_FQDN/my-group/container-build/kaniko-proxy@1.2
`,
}

describe('catalog outdated', () => {
  it('prints where each reference is, what it resolves to and the newest release; exits 1 when behind', async () => {
    const catalog = catalogRepo()
    const consumer = testdir(consumerFiles)
    const io = memoryIo(consumer)

    expect(await main(['outdated', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(1)

    expect(io.err).toBe('')
    expect(io.out).toBe(`Location          Component     Current  Resolved  Latest  Major
.gitlab-ci.yml:2  kaniko        1.1.0    1.1.0     2.0.0   major
.gitlab-ci.yml:3  buildah       1        1.2.0     2.0.0   major
.gitlab-ci.yml:4  cosign-sign   ~latest  2.0.0     2.0.0
.gitlab-ci.yml:5  buildx-cache  2.0.0    2.0.0     2.0.0
ci/extra.yml:2    kaniko-proxy  1.2      1.2.0     2.0.0   major
3 of 5 references have newer releases (3 major).
`)
  })

  it('counts a pre-release as newer only with --prerelease, and reads a bare remote', async () => {
    const catalog = catalogRepo()
    const bare = join(testdir({}), 'catalog.git')
    execFileSync('git', ['clone', '--quiet', '--bare', catalog.root, bare])
    const consumer = testdir({
      '.gitlab-ci.yml':
        'include:\n  - component: $CI_SERVER_FQDN/my-group/container-build/buildx-cache@2.0.0\n',
    })

    const plain = memoryIo(consumer)
    expect(await main(['outdated', '--catalog', catalogPath, '--remote', `file://${bare}`], plain)).toBe(0)
    expect(plain.out).toContain('The reference is on the newest release.\n')

    const pre = memoryIo(consumer)
    expect(
      await main(
        ['outdated', '--catalog', catalogPath, '--remote', `file://${bare}`, '--prerelease', '--json'],
        pre,
      ),
    ).toBe(1)
    expect(JSON.parse(pre.out).references).toEqual([
      {
        file: '.gitlab-ci.yml',
        line: 2,
        column: 70,
        component: 'buildx-cache',
        current: '2.0.0',
        latest: '2.1.0-rc.1',
        resolved: '2.0.0',
        outdated: true,
        major: false,
      },
    ])
  })

  it('lists a reference it cannot resolve, says why, and exits 1', async () => {
    const catalog = catalogRepo()
    const consumer = testdir({
      '.gitlab-ci.yml': 'include:\n  - component: $CI_SERVER_FQDN/my-group/container-build/kaniko@nope\n',
    })
    const io = memoryIo(consumer)

    expect(await main(['outdated', '--catalog', catalogPath, '--checkout', catalog.root], io)).toBe(1)

    expect(io.out).toBe(`Location          Component  Current  Resolved  Latest  Major
.gitlab-ci.yml:2  kaniko     nope     ?         2.0.0
No resolvable reference has a newer release. 1 cannot be resolved.
`)
    expect(io.err).toBe(
      '.gitlab-ci.yml:2:64: kaniko@nope: `nope` is not a version, tag, branch or tagged commit of the catalog\n',
    )
  })
})
