import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import type { Core } from '../../../electron/core/createCore'
import { base64, pdfBytes, pngBytes } from '../documents/documentFixtures'
import { makeCore, sampleCase } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => {
  while (disposers.length) disposers.pop()!()
})
function setup(...args: Parameters<typeof makeCore>) {
  const made = makeCore(...args)
  disposers.push(made.dispose)
  return made
}

/** A case with everything a bundle carries: two notices, an appeal, prior auths, representation, contacts, files. */
function richCase(core: Core) {
  const created = core.cases.create(sampleCase())
  const caseId = created.id
  core.cases.move({ caseId, toStage: 'internal_appeal', filedOn: '2026-11-22' })
  core.cases.updateAppeal({ caseId, appealFiledOn: '2026-11-22', appealFiledAt: '2026-11-22T20:30:00.000Z', internalLevels: 2, payerExtended: false, previousAppealFiledOn: null })
  core.cases.savePriorAuth({ caseId, id: null, requestedOn: '2026-10-01', requestedAt: null, expedited: true, outcome: 'denied', decidedOn: '2026-10-03', approvedThrough: null, referenceNumber: 'PA-77' })
  core.cases.savePriorAuth({ caseId, id: null, requestedOn: '2026-11-01', requestedAt: '2026-11-01T09:00:00.000Z', expedited: false, outcome: 'pending', decidedOn: null, approvedThrough: null, referenceNumber: '' })
  core.cases.saveRepresentation({ caseId, representation: { kind: 'cms_1696', representative: 'Dana Ellis', signedOn: '2026-11-19', expiresOn: null } })
  core.cases.addContact({ caseId, kind: 'call', occurredOn: '2026-11-21', withWhom: 'Plan rep', referenceNumber: 'REF-1', requested: 'Records', submitted: '', submittedOn: null, followUpOn: '2026-11-28' })
  core.cases.addContact({ caseId, kind: 'fax', occurredOn: '2026-11-23', withWhom: 'Appeals unit', referenceNumber: '', requested: '', submitted: 'Letter', submittedOn: '2026-11-23', followUpOn: null })
  core.documents.upload({ caseId, fileName: 'records.pdf', label: 'Medical records', base64: base64(pdfBytes('records')) })
  core.documents.upload({ caseId, fileName: 'card.png', label: '', base64: base64(pngBytes()) })
  return caseId
}

const strip = <T extends object>(list: T[], ...keys: string[]) => list.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k))))

function comparable(core: Core, caseId: number) {
  const d = core.cases.get(caseId)
  return {
    patient: { ...d.patient, id: 0 },
    coverage: { ...d.coverage, id: 0 },
    therapy: { ...d.therapy, id: 0 },
    stage: d.stage,
    urgency: d.urgency,
    serviceType: d.serviceType,
    openedOn: d.openedOn,
    summary: d.summary,
    denials: strip(d.denials, 'id'),
    appeal: [d.appealFiledOn, d.appealFiledAt, d.internalLevels, d.payerExtended, d.previousAppealFiledOn],
    priorAuths: strip(d.priorAuths, 'id'),
    representation: d.representation,
    contacts: strip(d.contacts, 'id'),
    deadlines: d.deadlineReport.deadlines.map((x) => [x.key, x.dueDate, x.ruleId]),
    attachments: strip(core.documents.listAttachments(caseId), 'id', 'caseId'),
    bytes: core.documents.listAttachments(caseId).map((a) => core.documents.openAttachment(a.id).base64),
  }
}

describe('case bundle v1 (docs/case-bundle.md)', () => {
  it('round-trips cases between two encrypted caseloads: facts, contacts, files and deadlines identical', async () => {
    const source = setup({ key: randomBytes(32) })
    const a = richCase(source.core)
    const b = source.core.cases.create(sampleCase({ stage: 'intake', denial: null, patient: { firstName: 'Ada', lastName: 'Lee', dateOfBirth: null, phone: '', preferredLanguage: '' } })).id
    const exported = await source.core.transfer.exportBundle(null)
    expect(exported.fileName).toMatch(/\.zip$/)

    const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'))
    const manifest = JSON.parse(await zip.file('bundle.json')!.async('string'))
    expect(manifest).toMatchObject({ format: 'overturn.bundle', version: 1, cases: [{ format: 'overturn.case', version: 1 }, { format: 'overturn.case' }] })
    expect(manifest.cases[0].attachments).toHaveLength(2)
    // Decrypted bytes in the bundle: the plaintext PDF, not the store's ciphertext.
    expect((await zip.file(manifest.cases[0].attachments[0].path)!.async('nodebuffer')).equals(pdfBytes('records'))).toBe(true)

    const target = setup({ key: randomBytes(32) })
    const checked = await target.core.transfer.importBundle(exported.base64, 'validate')
    expect(checked).toMatchObject({ isRejected: false, totalCases: 2, validCases: 2, importedCaseIds: [] })
    expect(checked.cases.map((c) => c.initials)).toEqual(['J. N.', 'A. L.'])
    expect(target.core.caseload.info().caseCount).toBe(0)

    const imported = await target.core.transfer.importBundle(exported.base64, 'import')
    expect(imported.importedCaseIds).toHaveLength(2)
    expect(comparable(target.core, imported.importedCaseIds[0])).toEqual(comparable(source.core, a))
    expect(comparable(target.core, imported.importedCaseIds[1])).toEqual(comparable(source.core, b))
    expect(comparable(source.core, a).deadlines.length).toBeGreaterThan(0)
  })

  it('a tampered attachment hash rejects the whole bundle and writes nothing', async () => {
    const source = setup()
    richCase(source.core)
    source.core.cases.create(sampleCase())
    const zip = await JSZip.loadAsync(Buffer.from((await source.core.transfer.exportBundle(null)).base64, 'base64'))
    const manifest = JSON.parse(await zip.file('bundle.json')!.async('string'))
    // Swap the bytes behind the first attachment: its declared sha256 no longer matches.
    zip.file(manifest.cases[0].attachments[0].path, pdfBytes('forged'))
    const tampered = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64')

    const target = setup()
    const report = await target.core.transfer.importBundle(tampered, 'import')
    expect(report.isRejected).toBe(true)
    expect(report.importedCaseIds).toEqual([])
    expect(report.cases[0]).toMatchObject({ isValid: false, errors: { 'attachments.0.sha256': 'transfer.error.sha256Mismatch' } })
    expect(report.cases[1].isValid).toBe(true)
    expect(target.core.caseload.info().caseCount).toBe(0)
    expect(existsSync(join(target.dir, 'attachments')) ? readdirSync(join(target.dir, 'attachments')) : []).toEqual([])
  })

  it('removes the files it wrote when the transaction fails', async () => {
    const source = setup()
    richCase(source.core)
    const bundle = (await source.core.transfer.exportBundle(null)).base64
    const target = setup()
    // A trigger stands in for a failure late in the transaction (after the files are written).
    target.core.db.exec(`CREATE TRIGGER fail_contacts BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, 'boom'); END`)
    await expect(target.core.transfer.importBundle(bundle, 'import')).rejects.toThrow()
    target.core.db.exec('DROP TRIGGER fail_contacts')
    expect(target.core.caseload.info().caseCount).toBe(0)
    expect(existsSync(join(target.dir, 'attachments')) ? readdirSync(join(target.dir, 'attachments')) : []).toEqual([])
    // Without the failure the same bundle imports.
    expect((await target.core.transfer.importBundle(bundle, 'import')).importedCaseIds).toHaveLength(1)
  })

  it('refuses unknown formats and versions, and reports bad fields by path', async () => {
    const { core } = setup()
    const zipOf = async (manifest: unknown) => {
      const zip = new JSZip()
      zip.file('bundle.json', JSON.stringify(manifest))
      return (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64')
    }
    expect(await core.transfer.importBundle(await zipOf({ format: 'other.app', version: 1, cases: [] }), 'validate')).toMatchObject({ isRejected: true, fileError: 'transfer.error.unknownFormat' })
    expect(await core.transfer.importBundle(await zipOf({ format: 'overturn.bundle', version: 2, exportedAt: '2026-11-25T00:00:00Z', cases: [] }), 'validate')).toMatchObject({
      fileError: 'transfer.error.unknownVersion',
      fileErrorParams: { version: '2', supported: 1 },
    })
    expect(await core.transfer.importBundle(Buffer.from('not a zip').toString('base64'), 'validate')).toMatchObject({ fileError: 'transfer.error.notZip' })

    const source = setup()
    source.core.cases.create(sampleCase())
    const zip = await JSZip.loadAsync(Buffer.from((await source.core.transfer.exportBundle(null)).base64, 'base64'))
    const manifest = JSON.parse(await zip.file('bundle.json')!.async('string'))
    manifest.cases[0].case.coverage.state = 'ZZ'
    manifest.cases[0].case.colour = 'blue'
    manifest.cases[0].attachments = [{ label: 'x', fileName: '../../etc/passwd', mime: 'application/pdf', sha256: 'a'.repeat(64), exhibitNumber: 1, path: '../../etc/passwd' }]
    const report = await core.transfer.importBundle(await zipOf(manifest), 'import')
    expect(report.cases[0].errors).toMatchObject({ 'case.coverage.state': 'error.state', 'case.colour': 'transfer.error.unknownField', 'attachments.0.path': 'transfer.error.attachmentPath' })
    expect(core.caseload.info().caseCount).toBe(0)
  })

  it('answers through the dispatcher: export then validate', async () => {
    const { core } = setup()
    core.cases.create(sampleCase())
    const dispatch = createDispatcher(core)
    const exported = await dispatch('transfer:exportBundle', { caseIds: null })
    expect(exported.ok).toBe(true)
    const base64Zip = (exported as { data: { base64: string } }).data.base64
    expect(await dispatch('transfer:importBundle', { base64: base64Zip, mode: 'validate' })).toMatchObject({ ok: true, data: { isRejected: false, totalCases: 1 } })
    expect(await dispatch('transfer:importBundle', { base64: '***', mode: 'import' })).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
