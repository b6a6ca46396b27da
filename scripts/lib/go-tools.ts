// Builds the Go programs pinned in tool-versions.yml from their modules: `go mod download` fetches the module at
// the exact version (its checksum verified against the Go checksum database), then `go build` runs inside the
// downloaded module, with the module's own go.mod and go.sum, as the project's own release builds do. This
// replaces `go install <module>/cmd/<prog>@<version>`, which cannot build some pins here: the module proxy
// refuses the version list that `go install` reads for deprecation notices (kaniko, 403), and BuildKit's go.mod
// has `exclude` directives that `go install …@version` rejects. Builds are cached by the go command in the
// default GOMODCACHE/GOCACHE; a finished build is kept per version and skipped when its recipe is unchanged.
import { existsSync, readFileSync } from 'node:fs'
import { $, fs } from 'zx'
import { PREFIX } from './stack-layout.js'
import { type GoTool, toolVersions } from './tool-versions.js'

export const GO_TOOLS_DIR = `${PREFIX}/go`

export const goToolDir = (tool: GoTool) => `${GO_TOOLS_DIR}/${tool.name}@${tool.version}`

/** Absolute path of one binary of a built tool, e.g. goBinary(goTool('buildkit'), 'buildctl'). */
export const goBinary = (tool: GoTool, program: string) => `${goToolDir(tool)}/${program}`

/** Everything that decides the binaries: a different recipe means a rebuild. */
const recipe = (tool: GoTool, goVersion: string) => `${JSON.stringify({ ...tool, go: goVersion }, null, 2)}\n`

export interface GoBuildReport {
  name: string
  version: string
  seconds: number
  cached: boolean
}

async function goVersion(): Promise<string> {
  const found = await $`go env GOVERSION`.nothrow()
  if (!found.ok) {
    throw new Error(
      'the go command is not on PATH: the stack builds kaniko, BuildKit and cosign with Go 1.26+',
    )
  }
  return found.stdout.trim()
}

/**
 * The pinned module's source in GOMODCACHE (downloaded when missing, its checksum verified): what the build
 * compiles, and where the stack reads files the module ships, such as Trillian's database schema.
 */
export async function goModuleDir(tool: GoTool, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const download = await $({ env })`go mod download -json ${`${tool.module}@${tool.version}`}`.nothrow()
  const info = JSON.parse(download.stdout || '{}') as { Dir?: string; Error?: string }
  if (!download.ok || !info.Dir) {
    throw new Error(
      `go: cannot download ${tool.module}@${tool.version}: ${info.Error ?? download.stderr.trim()}`,
    )
  }
  return info.Dir
}

export async function buildGoTool(tool: GoTool, go: string): Promise<GoBuildReport> {
  const dir = goToolDir(tool)
  const stamp = `${dir}/.recipe.json`
  const started = Date.now()
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === recipe(tool, go)) {
    return { name: tool.name, version: tool.version, seconds: 0, cached: true }
  }
  // A newer toolchain must never be fetched behind our back: the pinned module either builds with the
  // machine's Go or the stack says so.
  const env = {
    ...process.env,
    GOTOOLCHAIN: 'local',
    GOFLAGS: '-mod=readonly',
    CGO_ENABLED: tool.cgo ? '1' : '0',
  }
  const moduleDir = await goModuleDir(tool, env)
  const staging = `${dir}.partial`
  await fs.remove(staging)
  await fs.ensureDir(staging)
  const flags = [
    '-trimpath',
    ...(tool.tags.length > 0 ? ['-tags', tool.tags.join(',')] : []),
    '-ldflags',
    [tool.ldflags, '-s -w', tool.cgo ? '-extldflags -static' : ''].filter(Boolean).join(' '),
  ]
  for (const entry of tool.packages) {
    // `./cmd/x=name` builds ./cmd/x as `name` (a package whose directory name says nothing, like rekor's `posix`).
    const [pkg = entry, name = ''] = entry.split('=')
    const built = await $({
      env,
      cwd: moduleDir,
    })`go build ${flags} -o ${`${staging}/${name}`} ${pkg}`.nothrow()
    if (!built.ok) {
      throw new Error(`go build ${tool.name}@${tool.version} ${pkg} failed:\n${built.stderr.trim()}`)
    }
  }
  await fs.writeFile(`${staging}/.recipe.json`, recipe(tool, go))
  await fs.remove(dir)
  await fs.move(staging, dir)
  return {
    name: tool.name,
    version: tool.version,
    seconds: (Date.now() - started) / 1000,
    cached: false,
  }
}

/**
 * Builds the given tools, `jobs` at a time. One build keeps both cores busy only part of the time: module downloads
 * wait on the network and each binary's link is a single process, so a second build fills those gaps (`npm run
 * bench:builds -- --go-jobs` measures one at a time against two). After a failure no new build starts; the running
 * ones finish (each writes only its own staging directory), then the first error is thrown.
 */
export async function buildEach(
  tools: GoTool[],
  go: string,
  jobs: number,
  say: (line: string) => void = () => {},
): Promise<GoBuildReport[]> {
  const reports: GoBuildReport[] = []
  const failures: unknown[] = []
  let next = 0
  const worker = async () => {
    while (next < tools.length && failures.length === 0) {
      const tool = tools[next++] as GoTool
      try {
        const report = await buildGoTool(tool, go)
        say(
          `  go ${tool.name}@${tool.version}: ${report.cached ? 'cached' : `built in ${report.seconds.toFixed(1)}s`}`,
        )
        reports.push(report)
      } catch (error) {
        failures.push(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tools.length)) }, worker))
  if (failures.length > 0) throw failures[0]
  return reports
}

/** Builds every pinned Go tool (or those named), two at a time. */
export async function buildGoTools(
  say: (line: string) => void = () => {},
  names?: string[],
): Promise<GoBuildReport[]> {
  const go = await goVersion()
  const tools = Object.values(toolVersions().go).filter((tool) => !names || names.includes(tool.name))
  return buildEach(tools, go, 2, say)
}
