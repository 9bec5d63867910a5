import type { AppealDestination } from '../domain/payers'

/**
 * The payer directory's starting rows: the Medicare contractors every home-infusion advocate meets,
 * from /work/shared/research/domain-rules.md §1E–1H with the source each row names. Our research
 * confirmed who decides each level, not mailing addresses or fax numbers: those are left empty and
 * every row is `verified: false` until the organization fills them from the notice or the
 * contractor's site (Settings → Payer directory). Nothing here is invented.
 */
export const PAYER_DIRECTORY_SEED: Omit<AppealDestination, 'id'>[] = [
  ...(['A', 'B', 'C', 'D'] as const).map((j) => ({
    seedKey: `medicare_dme_mac_${j.toLowerCase()}`,
    payer: `Medicare DME MAC Jurisdiction ${j}`,
    planFamily: 'medicare_part_b' as const,
    level: 'first_level' as const,
    recipient: `DME MAC Jurisdiction ${j}, Redeterminations`,
    addressLines: [],
    phone: '',
    fax: '',
    portal: '',
    // Redetermination by the MAC that issued the initial determination: 42 CFR 405.940 (domain-rules §1E, V).
    source: 'cms.gov Redetermination page; 42 CFR 405.940. Contractor name and address: verify on the Medicare Summary Notice.',
    verified: false,
  })),
  {
    seedKey: 'medicare_qic_dme',
    payer: 'Medicare Qualified Independent Contractor (DME QIC)',
    planFamily: 'medicare_part_b',
    level: 'second_level',
    recipient: 'Qualified Independent Contractor, Reconsiderations',
    addressLines: [],
    phone: '',
    fax: '',
    portal: '',
    source: 'cms.gov Reconsideration by a Qualified Independent Contractor; 42 CFR 405.962 (form CMS-20033). Address: verify on the redetermination notice.',
    verified: false,
  },
  {
    seedKey: 'medicare_part_c_ire',
    payer: 'Medicare Part C Independent Review Entity',
    planFamily: 'medicare_advantage',
    level: 'external_review',
    recipient: 'Part C Independent Review Entity',
    addressLines: [],
    phone: '',
    fax: '',
    portal: '',
    // The plan forwards an upheld reconsideration automatically: 42 CFR 422.590(a)(2), 422.592.
    source: '42 CFR 422.592; hhs.gov OMHA Part C page. The plan forwards the case file; contact details: verify.',
    verified: false,
  },
  {
    seedKey: 'medicare_part_d_ire',
    payer: 'Medicare Part D Independent Review Entity (C2C Innovative Solutions)',
    planFamily: 'medicare_part_d',
    level: 'external_review',
    recipient: 'C2C Innovative Solutions, Part D Reconsiderations',
    addressLines: [],
    phone: '',
    fax: '',
    portal: '',
    source: 'cms.gov Part D reconsiderations page; medicare.gov appeals level 2 (IRE named, V). Fax and address: verify on the redetermination notice.',
    verified: false,
  },
  {
    seedKey: 'medicare_omha',
    payer: 'Office of Medicare Hearings and Appeals (OMHA)',
    planFamily: '',
    level: 'hearing',
    recipient: 'Office of Medicare Hearings and Appeals, Central Operations',
    addressLines: [],
    phone: '',
    fax: '',
    portal: '',
    source: '42 CFR 405.1014 (Part B), 422.602 (Part C), 423.2016 (Part D); hhs.gov/about/agencies/omha. Address: verify on the QIC or IRE decision.',
    verified: false,
  },
]
