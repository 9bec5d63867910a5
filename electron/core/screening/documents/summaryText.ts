import type { DocumentLanguage } from '../../../../shared/domain/screening'

/** The screening summary's own wording, in each language the patient's copy comes in. */
export const SUMMARY_TEXT: Record<DocumentLanguage, {
  title: (name: string) => string
  screened: (date: string) => string
  verifyNote: string
  applicant: string
  householdSize: string
  income: string
  state: string
  insurance: string
  diagnosis: string
  drug: string
  outOfPocket: string
  notGiven: string
  fplTitle: string
  fplGuideline: (year: number, size: number, first: string, extra: number, each: string, guideline: string) => string
  fplPercent: (income: string, guideline: string, percent: string) => string
  fplVerify: string
  source: string
  programs: string
  groups: { eligible: string; needs_information: string; not_eligible: string }
  verifyProgram: string
  applications: string
  award: (amount: string) => string
  questions: string
  closing: string
  preparedBy: string
}> = {
  en: {
    title: (name) => `Financial assistance screening: ${name}`,
    screened: (date) => `Screened on ${date} against the organization's program catalog.`,
    verifyNote: 'Results marked "verify" rely on program rules or figures that must be confirmed with the program before anyone relies on them.',
    applicant: 'Applicant',
    householdSize: 'Household size',
    income: 'Annual household income',
    state: 'State',
    insurance: 'Insurance',
    diagnosis: 'Diagnosis',
    drug: 'Drug',
    outOfPocket: 'Out-of-pocket cost',
    notGiven: 'not given',
    fplTitle: 'Percentage of the federal poverty level',
    fplGuideline: (year, size, first, extra, each, guideline) => `${year} HHS poverty guideline for a household of ${size}: ${first} + ${extra} × ${each} = ${guideline}.`,
    fplPercent: (income, guideline, percent) => `${income} ÷ ${guideline} = ${percent}% of the poverty level.`,
    fplVerify: ' Verify: a figure used is unconfirmed.',
    source: 'Source',
    programs: 'Programs',
    groups: { eligible: 'Programs the applicant qualifies for', needs_information: 'Programs that need more information', not_eligible: 'Programs the applicant does not qualify for' },
    verifyProgram: 'verify before use',
    applications: 'Applications',
    award: (amount) => `award ${amount}`,
    questions: 'Please call us with any question about these results.',
    closing: 'Sincerely,',
    preparedBy: 'Prepared by',
  },
  es: {
    title: (name) => `Evaluación de ayuda financiera: ${name}`,
    screened: (date) => `Evaluación realizada el ${date} con el catálogo de programas de la organización.`,
    verifyNote: 'Los resultados marcados con «verificar» dependen de reglas o cifras que deben confirmarse con el programa antes de tomarlas como definitivas.',
    applicant: 'Persona solicitante',
    householdSize: 'Tamaño del hogar',
    income: 'Ingresos anuales del hogar',
    state: 'Estado',
    insurance: 'Seguro médico',
    diagnosis: 'Diagnóstico',
    drug: 'Medicamento',
    outOfPocket: 'Costo de bolsillo',
    notGiven: 'sin indicar',
    fplTitle: 'Porcentaje del nivel federal de pobreza',
    fplGuideline: (year, size, first, extra, each, guideline) => `Guía de pobreza del HHS de ${year} para un hogar de ${size}: ${first} + ${extra} × ${each} = ${guideline}.`,
    fplPercent: (income, guideline, percent) => `${income} ÷ ${guideline} = ${percent} % del nivel de pobreza.`,
    fplVerify: ' Verificar: una de las cifras usadas no está confirmada.',
    source: 'Fuente',
    programs: 'Programas',
    groups: { eligible: 'Programas para los que la persona solicitante califica', needs_information: 'Programas que necesitan más información', not_eligible: 'Programas para los que la persona solicitante no califica' },
    verifyProgram: 'verificar antes de usar',
    applications: 'Solicitudes',
    award: (amount) => `ayuda de ${amount}`,
    questions: 'Si tiene alguna pregunta sobre estos resultados, llámenos.',
    closing: 'Atentamente,',
    preparedBy: 'Preparado por',
  },
}
