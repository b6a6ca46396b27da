import { describe, expect, it } from 'vitest'
import { expandValue, jobEnvironment, mergeVariables, parseDotenv, yamlVariables } from './variables.js'

describe('variables as GitLab and its Runner hand them to a job', () => {
  it('project variables beat dotenv, which beats the job, which beats the global YAML and predefined ones', () => {
    const merged = mergeVariables({
      predefined: { A: 'predefined', B: 'predefined', C: 'predefined', D: 'predefined', E: 'predefined' },
      globalYaml: {
        B: { value: 'global' },
        C: { value: 'global' },
        D: { value: 'global' },
        E: { value: 'global' },
      },
      jobYaml: { C: { value: 'job' }, D: { value: 'job' }, E: { value: 'job' } },
      dotenv: { D: 'dotenv', E: 'dotenv' },
      project: { E: { value: 'project' } },
    })
    expect(Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.value]))).toEqual({
      A: 'predefined',
      B: 'global',
      C: 'job',
      D: 'dotenv',
      E: 'project',
    })
  })

  it('a project variable replaces a job variable of the same name: the reason for a catalog-wide prefix', () => {
    const merged = mergeVariables({
      predefined: {},
      globalYaml: {},
      jobYaml: { REGISTRY_HOST: { value: '$CI_REGISTRY' } },
      dotenv: {},
      project: { REGISTRY_HOST: { value: 'attacker.example' } },
    })
    expect(merged.REGISTRY_HOST?.value).toBe('attacker.example')
  })

  it('expands $NAME and ${NAME} once, unknown names to empty, $$ to $', () => {
    const lookup = (name: string) => ({ A: 'a', B: '$A', EMPTY: '' })[name]
    expect(expandValue('$A-${A}-$B-$NOPE-$$A-$EMPTY.', lookup)).toBe('a-a-$A--$A-.')
  })

  it('leaves `expand: false` values as written and gives file variables as paths', () => {
    const variables = {
      ...yamlVariables({ RAW: { value: '$A', expand: false }, COOKED: '$A/$F' }),
      A: { value: 'x' },
      F: { value: 'pem', file: true },
    }
    const { env, files } = jobEnvironment(variables, (name) => `/tmp/${name}`)
    expect(env).toEqual({ RAW: '$A', COOKED: 'x//tmp/F', A: 'x', F: '/tmp/F' })
    expect(files).toEqual({ F: 'pem' })
  })

  it('reads YAML variables: scalars as text, mappings with value and expand', () => {
    expect(yamlVariables({ N: 3, T: true, NUL: null, M: { value: 'v', description: 'd' } })).toEqual({
      N: { value: '3' },
      T: { value: 'true' },
      NUL: { value: '' },
      M: { value: 'v' },
    })
  })

  it('reads a dotenv report, and rejects the whole report on a bad line', () => {
    expect(parseDotenv('IMAGE_DIGEST=sha256:abc\nIMAGE_REF=r@sha256:abc\n\nX=a=b\n')).toEqual({
      ok: true,
      variables: { IMAGE_DIGEST: 'sha256:abc', IMAGE_REF: 'r@sha256:abc', X: 'a=b' },
    })
    expect(parseDotenv('GOOD=1\nnot a line\n').ok).toBe(false)
    expect(parseDotenv(Array.from({ length: 21 }, (_, i) => `V${i}=x`).join('\n')).ok).toBe(false)
  })
})
