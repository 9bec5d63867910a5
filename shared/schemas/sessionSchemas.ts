import { z } from 'zod'
import { MIN_PASSPHRASE_LENGTH, ROLE_IDS } from '../domain/session'
import { requiredText } from './fields'

/** At least MIN_PASSPHRASE_LENGTH characters, and long passphrases allowed. */
const passphrase = z.string().min(MIN_PASSPHRASE_LENGTH, { message: 'error.passphraseTooShort' }).max(1024, { message: 'error.tooLong' })

export const setupSchema = z.strictObject({ displayName: requiredText(100), passphrase })
export const unlockSchema = z.strictObject({ userId: z.string().min(1).max(100), passphrase: z.string().min(1, { message: 'error.required' }).max(1024) })
export const recoverSchema = z.strictObject({ userId: z.string().min(1).max(100), recoveryKey: requiredText(200), newPassphrase: passphrase })
export const userCreateSchema = z.strictObject({ displayName: requiredText(100), role: z.enum(ROLE_IDS), passphrase })
export const passphraseChangeSchema = z.strictObject({ currentPassphrase: z.string().min(1, { message: 'error.required' }).max(1024), newPassphrase: passphrase })
export const idleSchema = z.strictObject({ idleLockMinutes: z.number().int().min(1, { message: 'error.idleRange' }).max(240, { message: 'error.idleRange' }) })
export const auditQuerySchema = z.strictObject({
  action: z.string().max(40).nullable().optional(),
  userName: z.string().max(100).nullable().optional(),
  from: z.string().max(10).nullable().optional(),
  to: z.string().max(10).nullable().optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  /** Only what concerns these cases (the audit trail filtered by patient, issue 12). */
  caseIds: z.array(z.number().int().positive()).max(1000).nullable().optional(),
})
export const backupNameSchema = z.strictObject({ fileName: z.string().regex(/^[A-Za-z0-9._-]+\.db$/, { message: 'error.invalid' }).max(200) })
/** Restoring over a damaged caseload needs an administrator's passphrase (issue 13 item 5). */
export const backupRestoreSchema = z.strictObject({
  fileName: backupNameSchema.shape.fileName,
  adminUserId: z.string().min(1).max(100).optional(),
  adminPassphrase: z.string().min(1, { message: 'error.required' }).max(1024).optional(),
})
export const userRemoveSchema = z.strictObject({ userId: z.string().min(1).max(100) })
