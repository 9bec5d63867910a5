import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Replaces a small file so that after a crash or power loss it holds either the old or the new
 * contents, never a torn mix or nothing (issue 13 item 7): write a temp file beside it, fsync it,
 * rename it over the target, then fsync the folder so the rename itself is on disk. Folders cannot
 * be opened for fsync on Windows; there the rename is already durable (MoveFileEx semantics).
 */
export function writeFileDurably(file: string, contents: string | Buffer, mode = 0o600): void {
  const temp = `${file}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', mode)
  try {
    writeSync(fd, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
  syncFolder(dirname(file))
}

export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(folder, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
