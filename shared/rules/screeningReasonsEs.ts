import type { ApplicationStatus, InsuranceGroup, InsuranceType, ReminderKind, RuleOutcome, ScreeningOutcome } from '../domain/screening'
import type { ReasonId } from './screeningReasons'

/**
 * The screening sentences in Spanish, for the patient's copy of the screening summary. Written for
 * US Spanish-speaking patients (neutral register, "la persona solicitante", agencies' own Spanish
 * names: "guías federales de pobreza", "Mercado de seguros"); the same keys and placeholders as
 * REASONS_EN, so a missing sentence fails the type check instead of falling back silently.
 */
export const REASONS_ES: Record<ReasonId, string> = {
  fund_open: 'El fondo está abierto.',
  fund_closed: 'El fondo está cerrado y no acepta solicitudes.',
  fund_waitlist: 'El fondo tiene lista de espera: la persona solicitante puede inscribirse, pero la ayuda no es inmediata.',
  state_any: 'Atiende a todos los estados.',
  state_ok: 'Atiende a {state}.',
  state_no: 'Solo atiende a {states}; la persona solicitante vive en {state}.',
  state_missing: 'Solo atiende a {states}: falta indicar el estado donde vive la persona solicitante.',
  insurance_any: 'Acepta cualquier seguro médico, o ninguno.',
  insurance_missing: 'Falta indicar el seguro médico de la persona solicitante para revisar esta regla.',
  insurance_aks: '{insurance} es un programa federal de salud, y la ayuda para copagos de un fabricante no puede usarse con él (ley federal Anti-Kickback Statute).',
  insurance_excluded: 'Excluye {group}; la persona solicitante tiene {insurance}.',
  insurance_not_allowed: 'Solo acepta {groups}; la persona solicitante tiene {insurance}.',
  insurance_ok: 'Acepta {insurance}.',
  coverage_any: 'No pone condiciones sobre si el seguro paga el medicamento.',
  coverage_must_cover_ok: 'El seguro paga el medicamento, como exige el programa.',
  coverage_must_cover_no: 'Solo ayuda cuando el seguro paga el medicamento; el seguro de la persona solicitante no lo paga.',
  coverage_must_cover_uninsured: 'Solo ayuda a personas aseguradas cuyo plan paga el medicamento; la persona solicitante no tiene seguro.',
  coverage_must_not_cover_ok: 'La persona solicitante no tiene cobertura para el medicamento, como exige el programa.',
  coverage_must_not_cover_no: 'Es para personas cuyo seguro no paga el medicamento; el seguro de la persona solicitante sí lo paga.',
  coverage_unknown: 'Falta saber si el seguro de la persona solicitante paga el medicamento.',
  diagnosis_any: 'Acepta cualquier diagnóstico.',
  diagnosis_ok: 'El diagnóstico {code} está cubierto (corresponde a {prefix}).',
  diagnosis_no: 'Cubre los diagnósticos {prefixes}; los de la persona solicitante ({codes}) no corresponden.',
  diagnosis_missing: 'Solo cubre los diagnósticos {prefixes}: faltan los códigos CIE-10 de la persona solicitante.',
  drug_any: 'Acepta cualquier medicamento.',
  drug_ok: 'El medicamento {drug} está cubierto.',
  drug_no: 'Solo cubre {drugs}; el medicamento de la persona solicitante es {drug}.',
  drug_missing: 'Solo cubre {drugs}: falta el nombre del medicamento o su código HCPCS.',
  income_none: 'No tiene límite de ingresos.',
  income_ok: 'Los ingresos de {income} equivalen al {percent} % de la guía federal de pobreza, dentro del límite del {max} % ({limit}).',
  income_over: 'Los ingresos de {income} equivalen al {percent} % de la guía federal de pobreza y superan el límite del {max} % ({limit}) por {over}.',
  income_missing: 'Faltan el tamaño del hogar, los ingresos anuales y el estado para comparar los ingresos con el límite del {max} %.',
  income_territory: 'Las guías de pobreza del HHS cubren los 48 estados contiguos y DC, Alaska y Hawái, pero no {state}: hay que preguntar al programa qué cifras usa.',
  income_year_unknown: 'Usa las guías de pobreza de {year}, que Overturn todavía no tiene.',
  fpl_missing_facts: 'Faltan el tamaño del hogar, los ingresos anuales y el estado para calcular el porcentaje del nivel de pobreza.',
  fpl_territory: 'Las guías de pobreza del HHS cubren los 48 estados contiguos y DC, Alaska y Hawái, pero no {state}.',
}

export const REMINDERS_ES: Record<ReminderKind, string> = {
  documents_due: 'Los documentos para {program} deben entregarse a más tardar el {date} ({days} días después de la preaprobación).',
  usage_check: 'Día {day} de la regla de uso de {days} días de {program}: confirme que haya un reclamo pagado antes del {lapse}.',
  usage_lapse: 'La ayuda de {program} vence el {date} si no hay un reclamo pagado (regla de {days} días).',
  grant_end: 'El período de la ayuda de {program} termina el {date}: vuelva a solicitarla si el tratamiento continúa.',
}

export const INSURANCE_TYPE_LABELS_ES: Record<InsuranceType, string> = {
  commercial: 'un seguro comercial o del empleador',
  employer_self_funded: 'un plan del empleador autofinanciado (ERISA)',
  employer_fully_insured: 'un plan del empleador con seguro completo',
  individual_marketplace: 'un plan individual o del Mercado de seguros',
  grandfathered: 'un plan con derechos adquiridos (grandfathered)',
  medicare_part_b: 'Medicare Parte B',
  medicare_advantage: 'Medicare Advantage',
  medicare_part_d: 'Medicare Parte D',
  medicaid_ffs: 'Medicaid de pago por servicio',
  medicaid_managed_care: 'Medicaid de atención administrada',
  tricare: 'TRICARE',
  va: 'atención médica de Asuntos de Veteranos (VA)',
  fehb: 'el programa de Beneficios de Salud para Empleados Federales (FEHB)',
  uninsured: 'ningún seguro médico',
  other: 'otra cobertura',
}

export const INSURANCE_GROUP_LABELS_ES: Record<InsuranceGroup, string> = {
  commercial: 'seguros comerciales',
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  other_federal: 'TRICARE o VA',
  fehb: 'FEHB',
  uninsured: 'personas sin seguro',
  other: 'otras coberturas',
}

export const OUTCOME_LABELS_ES: Record<ScreeningOutcome, string> = { eligible: 'Elegible', needs_information: 'Falta información', not_eligible: 'No elegible' }
export const RULE_OUTCOME_LABELS_ES: Record<RuleOutcome, string> = { pass: 'Cumple', fail: 'No cumple', unknown: 'Sin datos', note: 'Nota' }
export const APPLICATION_STATUS_LABELS_ES: Record<ApplicationStatus, string> = {
  screened: 'evaluada',
  applied: 'enviada',
  pre_approved: 'preaprobada',
  documents_due: 'documentos pendientes',
  approved: 'aprobada',
  denied: 'denegada',
  waitlisted: 'en lista de espera',
  lapsed: 'vencida',
}
