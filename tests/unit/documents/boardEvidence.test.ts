import { afterEach, describe, expect, it } from 'vitest'
import { localDayOf } from '../../../shared/domain/days'
import { FIXED_NOW, sampleCase } from '../core/testCore'
import { base64, pdfBytes, setupCaseCore } from './documentFixtures'

let dispose: (() => void) | null = null
afterEach(() => {
  dispose?.()
  dispose = null
})

const today = localDayOf(FIXED_NOW)

describe('evidence progress on board cards', () => {
  it('counts what the case page’s checklist counts: received, and items not marked not applicable', () => {
    const made = setupCaseCore()
    dispose = made.dispose
    const { core, caseId } = made
    const cardOf = () => core.board.load({}, today).cards.find((c) => c.id === caseId)!
    const checklist = core.documents.checklist(caseId)
    expect(checklist.total).toBeGreaterThan(3)
    expect(cardOf().evidence).toEqual({ received: 0, total: checklist.total })

    core.documents.upload({ caseId, fileName: 'denial.pdf', label: '', base64: base64(pdfBytes()), evidenceItemId: 'denial_notice' })
    core.documents.setEvidence({ caseId, itemId: 'medical_records', status: 'received' })
    core.documents.setEvidence({ caseId, itemId: 'plan_document', status: 'not_applicable' })
    core.documents.setEvidence({ caseId, itemId: 'signed_request', status: 'needed' })
    const after = core.documents.checklist(caseId)
    expect(after.received).toBe(2)
    expect(cardOf().evidence).toEqual({ received: after.received, total: after.total })
    expect(after.total).toBe(checklist.total - 1)
  })

  it('ignores stored marks for items the rules no longer give the case', () => {
    const made = setupCaseCore()
    dispose = made.dispose
    const { core, caseId } = made
    // A row for an item this case's rules do not give (e.g. left over after the denial changed).
    core.db.prepare("INSERT INTO case_evidence (case_id, item_id, status, updated_at) VALUES (?, 'nursing_protocol', 'received', ?)").run(caseId, FIXED_NOW.toISOString())
    core.db.prepare("INSERT INTO case_evidence (case_id, item_id, status, updated_at) VALUES (?, 'emergency_plan', 'not_applicable', ?)").run(caseId, FIXED_NOW.toISOString())
    const checklist = core.documents.checklist(caseId)
    expect(core.board.load({}, today).cards.find((c) => c.id === caseId)!.evidence).toEqual({ received: checklist.received, total: checklist.total })
    expect(checklist.received).toBe(0)
  })

  it('is null for a case without a denial', () => {
    const made = setupCaseCore()
    dispose = made.dispose
    const { core } = made
    const intake = core.cases.create(sampleCase({ stage: 'intake', denial: undefined }))
    expect(intake.denials).toEqual([])
    expect(core.board.load({}, today).cards.find((c) => c.id === intake.id)!.evidence).toBeNull()
  })
})
