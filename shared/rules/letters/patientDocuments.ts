import type { DenialReason } from '../../domain/enums'

/**
 * Patient-facing documents in the patient's language (English or Spanish): the summary of the appeal and
 * the representation authorization. Plain words, short sentences, no rule ids. Text is ours; `{fact}` tokens
 * are filled from the case like every letter (facts.ts).
 */
export type PatientLanguage = 'en' | 'es'

/** Spanish when the case records Spanish as the patient's preferred language; English otherwise. */
export function patientLanguage(preferred: string | null | undefined): PatientLanguage {
  return /^(es|spa|spanish|español|espanol)\b/i.test((preferred ?? '').trim()) ? 'es' : 'en'
}

export const REASON_NAMES_ES: Record<DenialReason, string> = {
  not_medically_necessary: 'no es médicamente necesario',
  site_of_care: 'lugar de tratamiento',
  not_covered: 'no es un beneficio cubierto',
  experimental: 'experimental o en investigación',
  step_therapy: 'no se cumplió la terapia escalonada',
  missing_documentation: 'falta documentación',
  no_prior_auth: 'no hubo autorización previa',
  off_label: 'uso no cubierto para este diagnóstico',
  coding_billing: 'codificación o facturación',
  eligibility: 'elegibilidad',
  other: 'otro motivo',
}

/** A computed date as the patient reads it, by deadline key prefix. */
export const DEADLINE_WORDS: Record<PatientLanguage, { prefix: string; text: string }[]> = {
  en: [
    { prefix: 'continue_benefits', text: 'Last day to ask that your treatment continue during the appeal' },
    { prefix: 'file_', text: 'Last day to file the appeal' },
    { prefix: 'decide_', text: 'Date by which the decision is due' },
    { prefix: 'pa_decision', text: 'Date by which the prior-authorization decision is due' },
    { prefix: 'plan_documents_due', text: 'Date by which the plan must send its documents' },
  ],
  es: [
    { prefix: 'continue_benefits', text: 'Último día para pedir que su tratamiento continúe durante la apelación' },
    { prefix: 'file_', text: 'Último día para presentar la apelación' },
    { prefix: 'decide_', text: 'Fecha en que se debe tomar la decisión' },
    { prefix: 'pa_decision', text: 'Fecha en que se debe decidir la autorización previa' },
    { prefix: 'plan_documents_due', text: 'Fecha en que el plan debe enviar sus documentos' },
  ],
}

export interface PatientDocumentText {
  title: string
  paragraphs: string[]
  /** Shown when the case has dates to list; `{dates}` is replaced by the list. */
  datesHeading: string
  noDates: string
  medicareNote?: string
}

export const PATIENT_SUMMARY: Record<PatientLanguage, PatientDocumentText> = {
  en: {
    title: 'Summary of your appeal',
    paragraphs: [
      'Dear {patientName},',
      '{payer} said no to paying for {drug}, which {prescriber} prescribed for you. The notice is dated {noticeDate}. The reasons it gave: {reasonList}.',
      '{orgName} is appealing this decision for you. An appeal asks the plan, or an independent reviewer, to look at your case again with your doctor’s records.',
    ],
    datesHeading: '## Important dates',
    noDates: 'We will tell you the dates as soon as they are set.',
  },
  es: {
    title: 'Resumen de su apelación',
    paragraphs: [
      'Estimado/a {patientName}:',
      '{payer} se negó a pagar {drug}, que le recetó {prescriber}. El aviso tiene fecha del {noticeDate}. Las razones que dio: {reasonList}.',
      '{orgName} está apelando esta decisión por usted. Una apelación le pide al plan, o a un revisor independiente, que vuelva a revisar su caso con los expedientes de su médico.',
    ],
    datesHeading: '## Fechas importantes',
    noDates: 'Le avisaremos las fechas en cuanto se fijen.',
  },
}

export const PATIENT_SUMMARY_WHAT_TO_DO: Record<PatientLanguage, string[]> = {
  en: [
    '## What you can do',
    '- Keep every letter you get from {payer}, and send us a copy right away.',
    '- Tell us at once if your treatment stops, changes or is scheduled to end.',
    '- Call us at {orgPhone} with any question.',
  ],
  es: [
    '## Lo que usted puede hacer',
    '- Guarde todas las cartas que reciba de {payer} y envíenos una copia enseguida.',
    '- Avísenos de inmediato si su tratamiento se suspende, cambia o tiene fecha para terminar.',
    '- Llámenos al {orgPhone} si tiene cualquier pregunta.',
  ],
}

export const REPRESENTATION_AUTHORIZATION: Record<PatientLanguage, PatientDocumentText> = {
  en: {
    title: 'Authorization to act as my representative',
    paragraphs: [
      'I, {patientName}, born {dateOfBirth}, member ID {memberId} with {payer}, appoint {signerName} of {orgName} (phone {orgPhone}) as my authorized representative for my appeal of the denial of {drug} (notice dated {noticeDate}), and for any further appeal, complaint or hearing about it.',
      'I authorize {payer}, {prescriber}, {infusionProvider} and my other health care providers to share with my representative the health information needed for this appeal: my medical records, my claim records and the plan’s claim file.',
      'This authorization ends when the appeal, including any further review, is finished, or one year after I sign it, whichever comes first. I may cancel it at any time by writing to {payer}; cancelling does not undo what was already shared. My plan and my providers may not make my treatment, payment or enrollment depend on whether I sign. Information shared under this authorization may be shared again by the person who receives it and may then no longer be protected by federal privacy law.',
    ],
    datesHeading: '',
    noDates: '',
    medicareNote: 'For Medicare, Medicare’s own form CMS-1696 (Appointment of Representative) is signed as well.',
  },
  es: {
    title: 'Autorización para actuar como mi representante',
    paragraphs: [
      'Yo, {patientName}, nacido/a el {dateOfBirth}, con número de miembro {memberId} de {payer}, nombro a {signerName} de {orgName} (teléfono {orgPhone}) como mi representante autorizado/a para mi apelación de la negación de {drug} (aviso con fecha del {noticeDate}) y para cualquier otra apelación, queja o audiencia sobre este asunto.',
      'Autorizo a {payer}, {prescriber}, {infusionProvider} y a mis demás proveedores de salud a compartir con mi representante la información de salud necesaria para esta apelación: mis expedientes médicos, mis registros de reclamaciones y el expediente de la reclamación del plan.',
      'Esta autorización termina cuando la apelación, incluida cualquier revisión posterior, haya concluido, o un año después de que la firme, lo que ocurra primero. Puedo cancelarla en cualquier momento por escrito a {payer}; la cancelación no deshace lo que ya se haya compartido. Mi plan y mis proveedores no pueden condicionar mi tratamiento, pago o inscripción a que yo firme. La información compartida bajo esta autorización puede ser compartida de nuevo por quien la reciba y es posible que ya no esté protegida por la ley federal de privacidad.',
    ],
    datesHeading: '',
    noDates: '',
    medicareNote: 'Para Medicare, también se firma el formulario propio de Medicare CMS-1696 (Nombramiento de Representante).',
  },
}

export const SIGNATURE_LINES: Record<PatientLanguage, { patient: string[]; representative: string[]; closing: string }> = {
  en: {
    patient: ['Signature of the patient: ______________________   Date: ____________', 'Printed name: {patientName}'],
    representative: ['I accept this appointment.', 'Signature of the representative: ______________________   Date: ____________', '{signerName}, {orgName}'],
    closing: 'Sincerely,',
  },
  es: {
    patient: ['Firma del paciente: ______________________   Fecha: ____________', 'Nombre en letra de molde: {patientName}'],
    representative: ['Acepto este nombramiento.', 'Firma del representante: ______________________   Fecha: ____________', '{signerName}, {orgName}'],
    closing: 'Atentamente,',
  },
}
