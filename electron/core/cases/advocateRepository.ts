import type { Advocate } from '../../../shared/domain/cases'
import type { Db } from '../db/openDatabase'
import { toBool } from '../db/rowMapping'

interface AdvocateRow {
  id: number
  display_name: string
  role: string
  is_active: number
}

const toAdvocate = (row: AdvocateRow): Advocate => ({
  id: row.id,
  displayName: row.display_name,
  role: row.role,
  isActive: toBool(row.is_active),
})

export function createAdvocateRepository(db: Db) {
  const listStatement = db.prepare('SELECT id, display_name, role, is_active FROM advocates ORDER BY display_name')
  const getStatement = db.prepare('SELECT id, display_name, role, is_active FROM advocates WHERE id = ?')
  const insertStatement = db.prepare('INSERT INTO advocates (display_name, role, created_at) VALUES (?, ?, ?)')
  return {
    list: (): Advocate[] => (listStatement.all() as AdvocateRow[]).map(toAdvocate),
    get(id: number): Advocate | null {
      const row = getStatement.get(id) as AdvocateRow | undefined
      return row ? toAdvocate(row) : null
    },
    create(displayName: string, role: string, nowIso: string): number {
      return Number(insertStatement.run(displayName, role, nowIso).lastInsertRowid)
    },
  }
}
export type AdvocateRepository = ReturnType<typeof createAdvocateRepository>
