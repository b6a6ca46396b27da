// A cosign key pair for a test file, made with the stack's cosign 3 and removed after the file's tests, and the
// project CI/CD variables cosign-sign's key mode reads: the private key as PEM text (a plain variable), its
// password, the public key as a file variable.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { stackEnv } from '../../../scripts/lib/e2e-stack.js'
import type { Variable } from '../runner/variables.js'

export interface CosignKeys {
  dir: string
  privateKey: string
  publicKey: string
  publicKeyFile: string
  password: string
}

/** Registers beforeAll/afterAll hooks; the returned getter gives the keys inside tests. */
export function useCosignKeys(): () => CosignKeys {
  let keys: CosignKeys | undefined
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-e2e-cosign-'))
    const password = `canary-key-password-${Date.now()}`
    execFileSync('cosign', ['generate-key-pair'], {
      cwd: dir,
      env: {
        ...process.env,
        PATH: `${stackEnv().E2E_PATH_PREPEND}:${process.env.PATH}`,
        COSIGN_PASSWORD: password,
      },
      stdio: 'ignore',
    })
    keys = {
      dir,
      privateKey: readFileSync(join(dir, 'cosign.key'), 'utf8'),
      publicKey: readFileSync(join(dir, 'cosign.pub'), 'utf8'),
      publicKeyFile: join(dir, 'cosign.pub'),
      password,
    }
  })
  afterAll(() => {
    if (keys) rmSync(keys.dir, { recursive: true, force: true })
  })
  return () => {
    if (!keys) throw new Error('the cosign keys are made in beforeAll')
    return keys
  }
}

export const keyVariables = (keys: CosignKeys): Record<string, string | Variable> => ({
  COSIGN_PRIVATE_KEY: keys.privateKey,
  COSIGN_PASSWORD: keys.password,
  COSIGN_PUBLIC_KEY: { value: keys.publicKey, file: true },
})

/** Neither the key's password nor the private key appear in any log of the run. */
export function secretsInLog(allText: string, keys: CosignKeys): string[] {
  const found: string[] = []
  if (allText.includes(keys.password)) found.push('the key password')
  if (allText.includes(keys.privateKey.split('\n')[1] as string)) found.push('the private key')
  return found
}
