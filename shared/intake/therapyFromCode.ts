import type { TherapyCategory } from '../domain/enums'

/**
 * The therapy category a HCPCS code suggests, from the code groups of domain-rules.md §4 (4A immune
 * globulin, 4B biologics and anti-infectives, 4C parenteral nutrition and pumps, 4D/4E nursing and
 * services). A suggestion for the new-case form; the advocate confirms it like every other value.
 */
const GROUPS: [TherapyCategory, RegExp][] = [
  ['ivig_scig', /^(?:J15\d\d|J1459|Q2052|S9338|G0069|G0089)$/],
  ['tpn', /^(?:B4[12]\d\d|B5[012]00|B900[46]|B9999|S936[4-8])$/],
  ['infused_biologic', /^(?:J0129|J1745|Q51\d\d|J2350|J3262|J0490|S9359)$/],
  ['iv_anti_infective', /^(?:J3370|J087[3-8]|J0696|J1335|J0690|J2020|J0875|J2407|J1450|J2543|J2185|J0133|J0285|J1455|J1570|S949[47]|S950[0-4])$/],
  ['pump_supplies', /^(?:E07[789]\d|A422[12]|K0552)$/],
  ['nursing', /^(?:9960[12]|G00(?:68|70|88|90))$/],
]

export function therapyFromCode(code: string | null): TherapyCategory | null {
  if (!code) return null
  return GROUPS.find(([, pattern]) => pattern.test(code))?.[0] ?? null
}
