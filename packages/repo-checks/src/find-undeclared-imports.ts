import { builtinModules } from 'node:module'
import { posix } from 'node:path'
import ts from 'typescript'

/** The dependency lists of a `package.json`. */
export interface Manifest {
  name?: string
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** A file of the repository: `/`-separated path from the repository root, and its text. */
export interface WorkspaceFile {
  path: string
  text: string
}

export interface WorkspacePackage {
  /** The package's folder, from the repository root: `packages/cli`. */
  dir: string
  manifest: Manifest
  /** Its source, test and config files. */
  files: WorkspaceFile[]
}

export interface Workspace {
  /** The root `package.json`: its devDependencies are the tools every package's tests may use. */
  root: Manifest
  packages: WorkspacePackage[]
}

export interface ImportProblem {
  file: string
  specifier: string
  message: string
}

const BUILTINS = new Set(builtinModules)
// Files that ship: everything under src/ and bin/ except tests. The rest (tests, fixtures, benchmarks, configs) only
// runs in this repository.
const TEST_FILE = /(?:^|\/)(?:test|__tests__|bench|fixtures)\/|\.(?:test|bench)\.[cm]?[jt]sx?$/
/** Every module specifier `text` imports: static and dynamic imports, re-exports, require and require.resolve. */
export function importSpecifiers(text: string): string[] {
  const scanned = ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName)
  return [...new Set([...scanned, ...resolveCalls(text)])]
}

/**
 * The strings passed to `require.resolve(…)` or `createRequire(…).resolve(…)`, which load a package without an
 * import statement: `.resolve` after `require` or `)`, then `(` and a string literal (comments and strings skipped).
 */
function resolveCalls(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text)
  const tokens: { kind: ts.SyntaxKind; text: string }[] = []
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push({ kind, text: scanner.getTokenValue() || scanner.getTokenText() })
  }
  return tokens.flatMap((_, i) => {
    const [before, dot, open, literal] = [tokens[i - 1], tokens[i], tokens[i + 2], tokens[i + 3]]
    const receiver =
      before?.kind === ts.SyntaxKind.CloseParenToken ||
      (before?.kind === ts.SyntaxKind.Identifier && before.text === 'require')
    return receiver &&
      dot?.kind === ts.SyntaxKind.DotToken &&
      tokens[i + 1]?.text === 'resolve' &&
      open?.kind === ts.SyntaxKind.OpenParenToken &&
      literal?.kind === ts.SyntaxKind.StringLiteral
      ? [literal.text]
      : []
  })
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; null for relative, absolute and built-in modules. */
export function packageName(specifier: string): string | null {
  if (/^[./]/.test(specifier) || /^[a-z]+:/.test(specifier)) return null
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string)
  return BUILTINS.has(name) ? null : name
}

const declared = (manifest: Manifest, kinds: (keyof Manifest)[]) =>
  new Set(kinds.flatMap((kind) => Object.keys((manifest[kind] as Record<string, string> | undefined) ?? {})))

const RUNTIME_KINDS: (keyof Manifest)[] = ['dependencies', 'peerDependencies', 'optionalDependencies']

/**
 * The imports a workspace package does not declare, so turbo cannot know its tests depend on them: a package
 * missing from the importer's `package.json` (files that ship need it in `dependencies`; tests and configs may also
 * use `devDependencies`, and the root's devDependencies for tools that are not workspace packages), and relative
 * paths into another package's folder.
 */
export function findUndeclaredImports(workspace: Workspace): ImportProblem[] {
  const workspaceNames = new Set(workspace.packages.map((pkg) => pkg.manifest.name).filter(Boolean))
  const rootTools = declared(workspace.root, ['dependencies', 'devDependencies'])
  const problems: ImportProblem[] = []
  for (const pkg of workspace.packages) {
    const manifestFile = `${pkg.dir}/package.json`
    const runtime = declared(pkg.manifest, RUNTIME_KINDS)
    const any = declared(pkg.manifest, [...RUNTIME_KINDS, 'devDependencies'])
    for (const file of pkg.files) {
      const ships =
        !TEST_FILE.test(file.path.slice(pkg.dir.length + 1)) &&
        /^(?:src|bin)\//.test(file.path.slice(pkg.dir.length + 1))
      for (const specifier of importSpecifiers(file.text)) {
        const report = (message: string) =>
          problems.push({ file: file.path, specifier, message: `${file.path}: ${message}` })
        const name = packageName(specifier)
        if (name === null) {
          const other = foreignPackage(workspace, pkg, file.path, specifier)
          if (other) {
            const instead = other.manifest.name
              ? `import ${other.manifest.name} and declare it`
              : 'import it as a package'
            report(
              `imports \`${specifier}\` from ${other.dir}, another package, by path: ${instead} in ${manifestFile}`,
            )
          }
          continue
        }
        if (name === pkg.manifest.name || runtime.has(name)) continue
        const undeclared = `imports ${name}, which ${manifestFile} does not declare`
        if (ships) {
          report(
            any.has(name)
              ? `imports ${name} in code that ships, but ${manifestFile} has it only in devDependencies: move it to dependencies`
              : undeclared,
          )
        } else if (!any.has(name) && (workspaceNames.has(name) || !rootTools.has(name))) {
          report(undeclared)
        }
      }
    }
  }
  return problems
}

/** The other workspace package a relative specifier lands in, if any. */
function foreignPackage(
  workspace: Workspace,
  from: WorkspacePackage,
  file: string,
  specifier: string,
): WorkspacePackage | null {
  if (!specifier.startsWith('.')) return null
  const target = posix.normalize(posix.join(posix.dirname(file), specifier))
  const inside = (dir: string) => target === dir || target.startsWith(`${dir}/`)
  if (inside(from.dir)) return null
  return workspace.packages.find((pkg) => inside(pkg.dir)) ?? null
}
