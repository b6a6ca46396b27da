import type { CatalogTag } from './resolve-reference.js'

export interface CatalogRefs {
  tags: CatalogTag[]
  branches: string[]
}

/**
 * Reads `git ls-remote --tags --heads <remote>` output (`<sha>\t<ref>` lines). An annotated tag is listed twice,
 * as the tag object and peeled (`refs/tags/<name>^{}`); the peeled commit is the one kept.
 */
export function parseLsRemote(output: string): CatalogRefs {
  const tags = new Map<string, string>()
  const peeled = new Map<string, string>()
  const branches: string[] = []
  for (const line of output.split('\n')) {
    const [sha, ref] = line.trim().split(/\s+/)
    if (!sha || !ref) continue
    if (ref.startsWith('refs/tags/')) {
      const name = ref.slice('refs/tags/'.length)
      if (name.endsWith('^{}')) peeled.set(name.slice(0, -3), sha)
      else tags.set(name, sha)
    } else if (ref.startsWith('refs/heads/')) {
      branches.push(ref.slice('refs/heads/'.length))
    }
  }
  return {
    tags: [...tags].map(([name, sha]) => ({ name, sha: peeled.get(name) ?? sha })),
    branches,
  }
}

/**
 * Reads `git for-each-ref --format='%(objectname) %(*objectname) %(refname)' refs/tags refs/heads refs/remotes`
 * output from a local checkout. `%(*objectname)` is the peeled commit of an annotated tag, empty otherwise;
 * remote-tracking branches count as branches under their short name (`origin/main` → `main`).
 */
export function parseForEachRef(output: string): CatalogRefs {
  const tags: CatalogTag[] = []
  const branches = new Set<string>()
  for (const line of output.split('\n')) {
    const parts = line.trim().split(/\s+/)
    if (parts.length < 2) continue
    const ref = parts[parts.length - 1] as string
    const sha = (parts.length === 3 ? parts[1] : parts[0]) as string
    if (ref.startsWith('refs/tags/')) tags.push({ name: ref.slice('refs/tags/'.length), sha })
    else if (ref.startsWith('refs/heads/')) branches.add(ref.slice('refs/heads/'.length))
    else if (ref.startsWith('refs/remotes/')) {
      const short = ref.slice('refs/remotes/'.length).split('/').slice(1).join('/')
      if (short && short !== 'HEAD') branches.add(short)
    }
  }
  return { tags, branches: [...branches] }
}
