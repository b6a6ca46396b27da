import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ShellcheckComment, ShellScript } from '@catalog/rules'

interface RawComment {
  file: string
  line: number
  column: number
  level: ShellcheckComment['level']
  code: number
  message: string
}

/** Runs one `shellcheck -f json` process over all scripts (written to a temp dir, removed afterwards). */
export async function runShellcheck(
  scripts: ShellScript[],
  binary = 'shellcheck',
): Promise<ShellcheckComment[]> {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-shellcheck-'))
  try {
    const byPath = new Map<string, string>()
    for (const script of scripts) {
      const path = join(dir, script.name)
      writeFileSync(path, script.text)
      byPath.set(path, script.name)
    }
    const { code, stdout, stderr } = await new Promise<{
      code: number | null
      stdout: string
      stderr: string
    }>((resolve, reject) => {
      const child = spawn(binary, ['-f', 'json', ...byPath.keys()], { stdio: ['ignore', 'pipe', 'pipe'] })
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
      child.on('close', (exit) => resolve({ code: exit, stdout: out, stderr: err }))
    })
    // shellcheck exits 1 when it has comments; anything else without JSON is a failure to run.
    if (code !== 0 && code !== 1)
      throw new Error(`shellcheck exited ${code}: ${stderr.trim().split('\n')[0] ?? ''}`)
    const comments = JSON.parse(stdout || '[]') as RawComment[]
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
