import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  readSync,
  type Stats,
} from 'node:fs'

/** What reading one file of the catalog gave: its text, or why it cannot be read. */
export type FileRead = { ok: true; text: string } | { ok: false; problem: string }

/** What reading one file of the catalog gave: its bytes, or why it cannot be read. */
export type FileBytesRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: string }

/** A file a command cannot do without could not be read; `message` is one line, starting with the file. */
export class CatalogFileError extends Error {
  override name = 'CatalogFileError'
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`)
  }
}

// Far above GitLab's YAML size limit (the engine still reports GitLab's error for files near it); only keeps an
// absurd file out of memory.
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** What a file that is not a regular file is, in words. */
export function describeFileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Why a symbolic link is not read: GitLab reads a link in the repository as the path it holds, not the file it
 * points to, and a link can loop or dangle.
 */
export function linkProblem(path: string): string {
  let target = ''
  try {
    target = ` (to ${readlinkSync(path)})`
  } catch {}
  return `is a symbolic link${target}: the catalog reads regular files only; commit the file itself`
}

function errorProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied'
  return `cannot be read (${code ?? (error as Error).message})`
}

/**
 * Reads a file of the catalog as UTF-8 text: what `readCatalogBytes` reads, and valid UTF-8. Null when there is no
 * such file.
 */
export function readCatalogFile(path: string, options: { followLinks?: boolean } = {}): FileRead | null {
  const read = readCatalogBytes(path, options)
  if (read === null || !read.ok) return read
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(read.bytes) }
  } catch {
    return { ok: false, problem: 'is not UTF-8 text' }
  }
}

/**
 * Reads a file of the catalog as bytes: regular files only (a FIFO, a device or a directory is refused without
 * reading, so `/dev/zero` or a FIFO cannot hang a command), at most MAX_FILE_BYTES. A symbolic link is refused
 * too, unless `followLinks` (for a file a user names, not one found in the catalog): then a loop or a dangling
 * link is the problem. For a component template, whose invalid UTF-8 GitLab reports in its own words (the
 * engine's reader error). Null when there is no such file.
 */
export function readCatalogBytes(
  path: string,
  options: { followLinks?: boolean } = {},
): FileBytesRead | null {
  try {
    if (lstatSync(path).isSymbolicLink() && !options.followLinks)
      return { ok: false, problem: linkProblem(path) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return { ok: false, problem: errorProblem(error) }
  }
  let fd: number
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer. No following unless asked: a
    // link swapped in since the check above fails here.
    fd = openSync(
      path,
      constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW),
    )
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ELOOP') return { ok: false, problem: 'is a symbolic link loop' }
    if (code === 'ENOENT')
      return {
        ok: false,
        problem: linkProblem(path)
          .replace('is a symbolic link', 'is a dangling symbolic link')
          .replace(/: the catalog.*$/, ''),
      }
    return { ok: false, problem: errorProblem(error) }
  }
  try {
    const stats = fstatSync(fd)
    if (!stats.isFile()) return { ok: false, problem: `is ${describeFileType(stats)}, not a regular file` }
    if (stats.size > MAX_FILE_BYTES) {
      return { ok: false, problem: `is too large (${stats.size} bytes; the limit is ${MAX_FILE_BYTES})` }
    }
    const buffer = Buffer.alloc(stats.size)
    let read = 0
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read)
      if (n === 0) break
      read += n
    }
    return { ok: true, bytes: buffer.subarray(0, read) }
  } catch (error) {
    return { ok: false, problem: errorProblem(error) }
  } finally {
    closeSync(fd)
  }
}
