import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditLog } from '../../../electron/core/audit/auditLog'
import { CHANNELS, contract, type ApiResult } from '../../../shared/contract'
import { ROLE_IDS, AUDIT_ACTIONS, type RoleId } from '../../../shared/domain/session'
import { newUnlockedSession, PASSPHRASE } from '../hardening/hardeningHelpers'

describe('every channel declares its policy in the contract', () => {
  it('gives each channel an access, roles, a lock rule, a body limit and an audit action that fit together', () => {
    for (const channel of CHANNELS) {
      const policy = (contract[channel] as { policy?: (typeof contract)[typeof channel]['policy'] }).policy
      expect(policy, `${channel} has no policy`).toBeDefined()
      const { access, roles, allowedWhileLocked, maxBodyBytes, audit } = policy!
      expect(['read', 'write', 'export', 'admin'], channel).toContain(access)
      expect(roles.length, channel).toBeGreaterThan(0)
      for (const role of roles) expect(ROLE_IDS, channel).toContain(role)
      expect(typeof allowedWhileLocked, channel).toBe('boolean')
      expect(maxBodyBytes, channel).toBeGreaterThanOrEqual(1_000_000)
      if (audit !== null) expect(AUDIT_ACTIONS, channel).toContain(audit)
      // Every change and every export leaves an audit entry; administrators alone do admin work.
      if (access !== 'read') expect(audit, `${channel} is a ${access} without an audit action`).not.toBeNull()
      if (access === 'export') expect(audit, channel).toBe('export')
      if (access === 'admin') expect(roles, channel).toEqual(['administrator'])
      // Read-only accounts look and export; the only changes they make are to their own sign-in.
      const isOwnSignIn = allowedWhileLocked || channel === 'users:changePassphrase'
      if ((access === 'write' || access === 'admin') && !isOwnSignIn) expect(roles, `${channel}: read-only accounts only look`).not.toContain('read_only')
    }
  })
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const ctx = {} as ReturnType<typeof newUnlockedSession> & { accounts: Record<RoleId, string>; caseId: number; attachmentId: number }

async function as(role: RoleId, channel: string, request: unknown): Promise<ApiResult<unknown>> {
  if (ctx.session.user?.id !== ctx.accounts[role]) ctx.session.unlock(ctx.accounts[role], `${role} ${PASSPHRASE}`)
  return ctx.session.dispatch(channel, request)
}
/** The newest audit entry (the trail lists newest first). */
const lastAudit = () => createAuditLog(ctx.session.core!.db).list({ limit: 1 })[0]

beforeAll(async () => {
  Object.assign(ctx, newUnlockedSession(), { accounts: {} })
  ctx.accounts.administrator = ctx.session.user!.id
  for (const role of ['advocate', 'screener', 'read_only'] as const) {
    const created = (await ctx.session.dispatch('users:create', { displayName: role, role, passphrase: `${role} ${PASSPHRASE}` })) as { ok: true; data: { id: string } }
    ctx.accounts[role] = created.data.id
  }
  ctx.session.unlock(ctx.accounts.administrator, PASSPHRASE)
  const board = (await ctx.session.dispatch('cases:board', {})) as { ok: true; data: { cards: { id: number }[] } }
  ctx.caseId = board.data.cards[0].id
  const uploaded = (await ctx.session.dispatch('documents:upload', { caseId: ctx.caseId, fileName: 'denial.pdf', base64: PDF.toString('base64') })) as { ok: true; data: { id: number } }
  ctx.attachmentId = uploaded.data.id
})
afterAll(() => ctx.cleanup())

describe('the defects the declared policy fixes', () => {
  it('documents:open is a read: a read-only account opens an exhibit, recorded as a view, not an update', async () => {
    const opened = await as('read_only', 'documents:open', { attachmentId: ctx.attachmentId })
    expect(opened).toMatchObject({ ok: true, data: { fileName: 'denial.pdf' } })
    expect(lastAudit()).toMatchObject({ action: 'view', channel: 'documents:open', entity: 'attachment', entityId: String(ctx.attachmentId) })
  })

  it('packets:export is an export: it writes its record on the case and an export entry, for case workers only', async () => {
    const before = ((await as('advocate', 'packets:exports', { caseId: ctx.caseId })) as { ok: true; data: unknown[] }).data.length
    // A letter the case's ladder offers (the first demo card's plan decides which).
    const offered = ((await as('advocate', 'letters:list', { caseId: ctx.caseId })) as { ok: true; data: { kind: string }[] }).data
    const kind = offered[0].kind
    const exported = await as('advocate', 'packets:export', { caseId: ctx.caseId, kind, acceptPlaceholders: true })
    expect(exported, JSON.stringify(exported)).toMatchObject({ ok: true })
    expect(lastAudit()).toMatchObject({ action: 'export', channel: 'packets:export', entityId: String(ctx.caseId) })
    const after = ((await as('advocate', 'packets:exports', { caseId: ctx.caseId })) as { ok: true; data: unknown[] }).data
    expect(after).toHaveLength(before + 1)
    expect(await as('read_only', 'packets:export', { caseId: ctx.caseId, kind, acceptPlaceholders: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('backups:create is refused to read-only and screener accounts, and allowed to advocates', async () => {
    for (const role of ['read_only', 'screener'] as const) {
      expect(await as(role, 'backups:create', {}), role).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(await as('advocate', 'backups:create', {})).toMatchObject({ ok: true })
    expect(lastAudit()).toMatchObject({ action: 'backup' })
  })

  it('administrators alone reach admin channels; screeners change screening, not cases', async () => {
    expect(await as('advocate', 'audit:verify', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await as('advocate', 'caseload:resetEmpty', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await as('screener', 'cases:move', { caseId: ctx.caseId, toStage: 'appeal_filed' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await as('screener', 'programs:list', {})).toMatchObject({ ok: true })
    expect(await as('read_only', 'applications:reminders', {})).toMatchObject({ ok: true })
  })
})
