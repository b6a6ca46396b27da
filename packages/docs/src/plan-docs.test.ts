import { describe, expect, it } from 'vitest'
import { planDocs } from './plan-docs.js'

const source = `spec:
  inputs:
    stage:
      type: string
      default: build
      description: Stage.
---
job:
  stage: $[[ inputs.stage ]]
  script: [exit 0]
`

describe('planDocs', () => {
  it('writes a README for a component that has none, and pins the usage to the latest version', () => {
    const [readme, root] = planDocs(
      {
        project: { readmeFile: 'README.md', readme: '# Catalog\n' },
        components: [
          { name: 'build', source, readmeFile: 'templates/build/README.md', readme: null, meta: null },
        ],
      },
      { version: '1.4.0' },
    )
    expect(readme?.current).toBeNull()
    expect(readme?.expected).toBe(`# build

## Usage

<!-- BEGIN GENERATED: usage -->

\`\`\`yaml
include:
  - component: $CI_SERVER_FQDN/<group>/<project>/build@1.4.0
\`\`\`

<!-- END GENERATED: usage -->

## Inputs

<!-- BEGIN GENERATED: inputs -->

| Input | Type | Default | Allowed values | Description |
| --- | --- | --- | --- | --- |
| \`stage\` | string | \`build\` |  | Stage. |

<!-- END GENERATED: inputs -->

## Outputs

<!-- BEGIN GENERATED: outputs -->

_This component has no outputs._

<!-- END GENERATED: outputs -->
`)
    expect(root?.expected).toBe(`# Catalog

## Components

<!-- BEGIN GENERATED: catalog -->

| Component | Description | Latest version |
| --- | --- | --- |
| [\`build\`](templates/build/README.md) |  | 1.4.0 |

<!-- END GENERATED: catalog -->
`)
  })

  it('is stable: planning its own output changes nothing', () => {
    const component = {
      name: 'build',
      source,
      readmeFile: 'templates/build/README.md',
      readme: null,
      meta: null,
    }
    const catalog = { project: { readmeFile: 'README.md', readme: '# Catalog\n' }, components: [component] }
    const first = planDocs(catalog, { version: null })
    const again = planDocs(
      {
        project: { readmeFile: 'README.md', readme: first[1]?.expected ?? '' },
        components: [{ ...component, readme: first[0]?.expected ?? '' }],
      },
      { version: null },
    )
    expect(again.map((file) => file.current === file.expected)).toEqual([true, true])
  })
})
