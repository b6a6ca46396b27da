import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ShellcheckComment, ShellScript } from './types.js'

interface RawComment {
  file: string
  line: number
  column: number
  level: ShellcheckComment['level']
  code: number
  message: string
}

/** Spreads scripts over `count` groups of about equal size (largest first), one shellcheck process per group. */
function partition(paths: { path: string; size: number }[], count: number): string[][] {
  const groups = Array.from({ length: count }, () => ({ size: 0, paths: [] as string[] }))
  for (const item of [...paths].sort((a, b) => b.size - a.size)) {
    const smallest = groups.reduce((min, group) => (group.size < min.size ? group : min))
    smallest.paths.push(item.path)
    smallest.size += item.size
  }
  return groups.map((group) => group.paths).filter((group) => group.length > 0)
}

function shellcheckJson(binary: string, files: string[]): Promise<RawComment[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['-f', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'ENOENT' ? `\`${binary}\` is not installed` : error.message)),
    )
    child.on('close', (code) => {
      // shellcheck exits 1 when it has comments; anything else is a failure to run.
      if (code !== 0 && code !== 1) {
        reject(new Error(`shellcheck exited ${code}: ${err.trim().split('\n')[0] ?? ''}`))
        return
      }
      try {
        resolve(JSON.parse(out || '[]') as RawComment[])
      } catch {
        reject(new Error(`shellcheck printed no JSON: ${err.trim().split('\n')[0] ?? out.slice(0, 100)}`))
      }
    })
  })
}

/**
 * Runs `shellcheck -f json` over all scripts (written to a temp dir, removed afterwards): one process per core,
 * at most two, each with a share of the scripts, since shellcheck checks files one after another.
 */
export async function runShellcheck(
  scripts: ShellScript[],
  binary = 'shellcheck',
): Promise<ShellcheckComment[]> {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-shellcheck-'))
  try {
    const byPath = new Map<string, string>()
    const sized: { path: string; size: number }[] = []
    for (const script of scripts) {
      const path = join(dir, script.name)
      writeFileSync(path, script.text)
      byPath.set(path, script.name)
      sized.push({ path, size: script.text.length })
    }
    const groups = partition(sized, Math.min(2, availableParallelism()))
    const comments = (await Promise.all(groups.map((files) => shellcheckJson(binary, files)))).flat()
    return comments.map((comment) => ({
      name: byPath.get(comment.file) ?? comment.file,
      line: comment.line,
      column: comment.column,
      level: comment.level,
      code: comment.code,
      message: comment.message,
    }))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
