import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { expect } from 'vitest'
import type { ApiResult, ErrorCode } from '../../../shared/contract'
import type { Db } from '../../../electron/core/db/openDatabase'
import { createAppSession, type AppSession } from '../../../electron/core/session/appSession'
import { makeTempDir } from '../core/testCore'

export const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
export const PASSPHRASE = 'lantern orchard velvet'
export const KNOWN_CODES: ErrorCode[] = ['validation', 'not_found', 'move_refused', 'conflict', 'forbidden', 'locked', 'internal', 'unknown_channel']

/** An unlocked, encrypted caseload with the 40 demo cases, as in tests/unit/security/session.test.ts. */
export function newUnlockedSession(now: () => Date = () => new Date('2026-11-25T15:00:00Z')): { session: AppSession; dir: string; cleanup: () => void } {
  const temp = makeTempDir('overturn-hardening-')
  const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, now })
  session.setup('Dana', PASSPHRASE)
  return {
    session,
    dir: temp.dir,
    cleanup: () => {
      session.close()
      temp.cleanup()
    },
  }
}

/** Row counts of every ordinary table (FTS shadow tables included), the audit trail's last id, and total_changes(). */
export interface DbFingerprint {
  counts: Record<string, number>
  auditMaxId: number
  totalChanges: number
}

export function dbFingerprint(db: Db): DbFingerprint {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all() as string[]
  const counts: Record<string, number> = {}
  for (const t of tables) counts[t] = db.prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number
  const auditMaxId = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM audit_log').pluck().get() as number) ?? 0
  const totalChanges = db.prepare('SELECT total_changes()').pluck().get() as number
  return { counts, auditMaxId, totalChanges }
}

/** Names, sizes and content hashes of every file under the data folder except the live database files. */
export function folderFingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      const st = statSync(full)
      if (st.isDirectory()) walk(full)
      else {
        const rel = relative(dir, full)
        if (/^overturn\.db(-wal|-shm)?$/.test(rel) || rel === 'overturn.lock') continue
        out[rel] = createHash('sha256').update(readFileSync(full)).digest('hex')
      }
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}

export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name)
      if (statSync(full).isDirectory()) walk(full)
      else out.push(full)
    }
  }
  walk(dir)
  return out
}

/** A message safe to show: an i18n key or sentence, no stack frame, no path, no driver error text. */
export function expectSafeError(result: ApiResult<unknown>, dataDir: string): void {
  if (result.ok) return
  expect(Object.keys(result).sort()).toEqual(['error', 'ok'])
  expect(KNOWN_CODES).toContain(result.error.code)
  expect(typeof result.error.message).toBe('string')
  const texts = [result.error.message, ...Object.keys(result.error.fields ?? {}), ...Object.values(result.error.fields ?? {})]
  for (const text of texts) {
    expect(typeof text).toBe('string')
    expect(text).not.toMatch(/\n\s+at\s|\bat\s\S+:\d+:\d+|node:internal|SqliteError|SQLITE_|Error:/)
    expect(text).not.toMatch(/(^|[\s'"(])(\/[\w.-]+){2,}|[A-Za-z]:\\|\.tsx?\b|\.m?js\b/)
    expect(text).not.toContain(dataDir)
  }
  if (result.error.fields) for (const v of Object.values(result.error.fields)) expect(typeof v).toBe('string')
}

/** JSON-clean copy of any value (what IPC's structured clone or the bridge's JSON.parse could deliver). */
export function toJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value)
    return text === undefined ? null : JSON.parse(text)
  } catch {
    return null
  }
}
