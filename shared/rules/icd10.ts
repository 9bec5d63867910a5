import type { RuleRef } from './ladders/types'

/**
 * ICD-10-CM codes common in home infusion, with the words a letter prints beside them (domain-rules.md
 * §4F). `isPrimaryImmunodeficiency` marks the codes on the Medicare home IVIG list (MBPM ch. 15 §50.6).
 * Rows the research marks U carry `verified: false`; a code not listed prints without words.
 */
export interface Icd10Row extends RuleRef {
  code: string
  wordsEn: string
  isPrimaryImmunodeficiency?: boolean
}

const PID: RuleRef = { ruleId: 'icd10.pid_home_ivig', citation: 'MBPM ch. 15 §50.6', verified: true }
const SECONDARY: RuleRef = { ruleId: 'icd10.secondary', citation: 'ICD-10-CM (secondary source)', verified: true }
const UNVERIFIED: RuleRef = { ruleId: 'icd10.unverified', citation: 'ICD-10-CM (unverified)', verified: false }

const pid = (code: string, wordsEn: string): Icd10Row => ({ code, wordsEn, isPrimaryImmunodeficiency: true, ...PID })

export const ICD10_ROWS: readonly Icd10Row[] = [
  pid('D80.0', 'Hereditary hypogammaglobulinemia'),
  pid('D80.2', 'Selective deficiency of immunoglobulin A'),
  pid('D80.3', 'Selective deficiency of immunoglobulin G subclasses'),
  pid('D80.4', 'Selective deficiency of immunoglobulin M'),
  pid('D80.5', 'Immunodeficiency with increased immunoglobulin M'),
  pid('D80.6', 'Antibody deficiency with near-normal immunoglobulins or with hyperimmunoglobulinemia'),
  pid('D80.7', 'Transient hypogammaglobulinemia of infancy'),
  pid('D81.9', 'Combined immunodeficiency, unspecified'),
  pid('D82.0', 'Wiskott-Aldrich syndrome'),
  pid('D83.0', 'Common variable immunodeficiency with predominant abnormalities of B-cell numbers and function'),
  pid('D83.1', 'Common variable immunodeficiency with predominant immunoregulatory T-cell disorders'),
  pid('D83.2', 'Common variable immunodeficiency with autoantibodies to B- or T-cells'),
  pid('D83.8', 'Other common variable immunodeficiencies'),
  pid('D83.9', 'Common variable immunodeficiency, unspecified'),
  pid('G11.3', 'Cerebellar ataxia with defective DNA repair'),
  { code: 'D80.1', wordsEn: 'Nonfamilial hypogammaglobulinemia', ...UNVERIFIED },
  { code: 'D84.9', wordsEn: 'Immunodeficiency, unspecified', ...UNVERIFIED },
  { code: 'G61.81', wordsEn: 'Chronic inflammatory demyelinating polyneuritis', ...SECONDARY },
  { code: 'G61.82', wordsEn: 'Multifocal motor neuropathy', ...UNVERIFIED },
  { code: 'G61.0', wordsEn: 'Guillain-Barré syndrome', ...UNVERIFIED },
  { code: 'G70.00', wordsEn: 'Myasthenia gravis without (acute) exacerbation', ...SECONDARY },
  { code: 'G70.01', wordsEn: 'Myasthenia gravis with (acute) exacerbation', ...SECONDARY },
  { code: 'D69.3', wordsEn: 'Immune thrombocytopenic purpura', ...UNVERIFIED },
  { code: 'K90.821', wordsEn: 'Short bowel syndrome with colon in continuity', ...SECONDARY },
  { code: 'K90.822', wordsEn: 'Short bowel syndrome without colon in continuity', ...SECONDARY },
  { code: 'K90.829', wordsEn: 'Short bowel syndrome, unspecified', ...SECONDARY },
  { code: 'K91.2', wordsEn: 'Postsurgical malabsorption, not elsewhere classified', ...UNVERIFIED },
  { code: 'E43', wordsEn: 'Unspecified severe protein-calorie malnutrition', ...UNVERIFIED },
  { code: 'I33.0', wordsEn: 'Acute and subacute infective endocarditis', ...UNVERIFIED },
  { code: 'E84.0', wordsEn: 'Cystic fibrosis with pulmonary manifestations', ...UNVERIFIED },
  { code: 'I27.0', wordsEn: 'Primary pulmonary hypertension', ...UNVERIFIED },
  { code: 'I50.84', wordsEn: 'End stage heart failure', ...UNVERIFIED },
  { code: 'E83.111', wordsEn: 'Hemochromatosis due to repeated red blood cell transfusions', ...UNVERIFIED },
]

export function icd10Row(code: string): Icd10Row | null {
  const wanted = code.trim().toUpperCase()
  return ICD10_ROWS.find((r) => r.code === wanted) ?? null
}

/** "G61.81 (Chronic inflammatory demyelinating polyneuritis)" — the code with its words when known. */
export function describeDiagnosis(code: string): string {
  const row = icd10Row(code)
  return row ? `${code.trim()} (${row.wordsEn})` : code.trim()
}
