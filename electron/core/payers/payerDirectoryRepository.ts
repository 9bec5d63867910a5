import type { AppealDestination, DestinationLevel } from '../../../shared/domain/payers'
import type { PlanFamily } from '../../../shared/domain/enums'
import { PAYER_DIRECTORY_SEED } from '../../../shared/rules/payerDirectory'
import type { DestinationInput, DestinationSave } from '../../../shared/schemas/payerSchemas'
import type { Db } from '../db/openDatabase'
import { parseJsonArray, toBool } from '../db/rowMapping'

interface DestinationRow {
  id: number
  payer: string
  plan_family: PlanFamily | ''
  level: DestinationLevel
  recipient: string
  address_lines: string
  phone: string
  fax: string
  portal: string
  source: string
  verified: number
  seed_key: string | null
}

const toDestination = (r: DestinationRow): AppealDestination => ({
  id: r.id,
  payer: r.payer,
  planFamily: r.plan_family,
  level: r.level,
  recipient: r.recipient,
  addressLines: parseJsonArray<string>(r.address_lines),
  phone: r.phone,
  fax: r.fax,
  portal: r.portal,
  source: r.source,
  verified: toBool(r.verified),
  seedKey: r.seed_key ?? '',
})

/** The organization's payer directory: appeal destinations per payer, plan family and level. */
export function createPayerDirectoryRepository(db: Db) {
  const all = db.prepare('SELECT * FROM payer_destinations ORDER BY payer, level, id')
  const one = db.prepare('SELECT * FROM payer_destinations WHERE id = ?')
  const insert = db.prepare(`INSERT INTO payer_destinations
    (payer, plan_family, level, recipient, address_lines, phone, fax, portal, source, verified, seed_key, updated_at)
    VALUES (@payer, @planFamily, @level, @recipient, @addressLines, @phone, @fax, @portal, @source, @verified, @seedKey, @now)
    ON CONFLICT(seed_key) DO NOTHING`)
  const update = db.prepare(`UPDATE payer_destinations SET payer = @payer, plan_family = @planFamily, level = @level,
    recipient = @recipient, address_lines = @addressLines, phone = @phone, fax = @fax, portal = @portal, source = @source,
    verified = @verified, updated_at = @now WHERE id = @id`)
  const remove = db.prepare('DELETE FROM payer_destinations WHERE id = ?')
  const same = db.prepare(`SELECT id FROM payer_destinations WHERE payer = @payer AND recipient = @recipient
    AND address_lines = @addressLines AND fax = @fax LIMIT 1`).pluck()
  const params = (d: DestinationInput, now: string, seedKey: string | null) => ({
    ...d,
    addressLines: JSON.stringify(d.addressLines),
    verified: d.verified ? 1 : 0,
    seedKey,
    now,
  })

  return {
    list: (): AppealDestination[] => (all.all() as DestinationRow[]).map(toDestination),
    get(id: number): AppealDestination | null {
      const row = one.get(id) as DestinationRow | undefined
      return row ? toDestination(row) : null
    },
    /** Adds the seed rows not yet present (by key): an edited or removed seed row is never restored. */
    seed(now: string) {
      for (const { seedKey, ...row } of PAYER_DIRECTORY_SEED) insert.run(params(row, now, seedKey))
    },
    save({ id, ...input }: DestinationSave, now: string): number {
      if (id) {
        update.run({ ...params(input, now, null), id })
        return id
      }
      return Number(insert.run(params(input, now, null)).lastInsertRowid)
    },
    remove: (id: number): boolean => remove.run(id).changes > 0,
    /** An imported case's destination: the matching directory row, or a new one. */
    findOrCreate(input: DestinationInput, now: string): number {
      const found = same.get({ payer: input.payer, recipient: input.recipient, addressLines: JSON.stringify(input.addressLines), fax: input.fax }) as number | undefined
      return found ?? Number(insert.run(params(input, now, null)).lastInsertRowid)
    },
  }
}
export type PayerDirectoryRepository = ReturnType<typeof createPayerDirectoryRepository>
