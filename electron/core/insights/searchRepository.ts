import { SEARCH_KINDS, SNIPPET_END, SNIPPET_START, type SearchGroup, type SearchHit, type SearchKind, type SearchResponse } from '../../../shared/domain/insights'
import type { Stage } from '../../../shared/domain/enums'
import type { Db } from '../db/openDatabase'
import { buildMatchExpression, createNameVocabulary, makeSnippet, tokenize, wordMatcher, type NameVocabulary, type TokenPlan } from './searchQuery'

/**
 * How many matching index rows are ranked. They are read newest first (FTS5 walks its doclists in
 * rowid order and stops at the limit), then ranked by bm25 with names weighing four times free text;
 * a word found in every contact of 50,000 cases therefore costs no more than a rare one.
 */
const CANDIDATES = 500
const MARKERS = { start: SNIPPET_START, end: SNIPPET_END }

/** Index kinds shown under each result group ('outcome' notes join the case's other notes). */
const GROUP_OF: Record<string, SearchKind> = {
  patient: 'patient',
  case: 'case',
  denial: 'denial',
  contact: 'contact',
  letter: 'letter',
  note: 'note',
  outcome: 'note',
  applicant: 'applicant',
  program: 'program',
}

interface CandidateRow {
  id: number
  kind: string
  ref_id: number
  case_id: number | null
  patient_id: number | null
}

interface CaseInfoRow {
  id: number
  stage: Stage
  first_name: string
  last_name: string
  drug: string
  payer: string
}

/**
 * How each typed word is matched. A word no name starts with may be a misspelled name: it also
 * matches names within one or two edits. A finished word (not the last) is matched whole, or as any
 * name it starts ('jos' → 'jose'); the last word, still being typed, or one that starts too many
 * names to list, is a prefix query.
 */
export function planTokens(tokens: string[], vocabulary: NameVocabulary): (TokenPlan & { corrected: boolean })[] {
  return tokens.map((token, index) => {
    const isLast = index === tokens.length - 1
    if (!vocabulary.hasPrefix(token)) {
      const similar = vocabulary.similar(token)
      return { token, isPrefix: isLast && token.length > 1, alternatives: similar, corrected: similar.length > 0 }
    }
    const completions = isLast || token.length === 1 ? null : vocabulary.completions(token)
    return { token, isPrefix: token.length > 1 && completions === null, alternatives: completions ?? [], corrected: false }
  })
}

/** Search over the FTS5 index that migration 0005 keeps in sync with the caseload. */
export function createSearchRepository(db: Db) {
  const matches = db
    .prepare(`SELECT rowid, bm25(search_fts, 4.0, 1.0) FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES}`)
    .raw()
  const candidates = db.prepare('SELECT id, kind, ref_id, case_id, patient_id FROM search_docs WHERE id IN (SELECT value FROM json_each(?))')
  const docText = db.prepare('SELECT title, body FROM search_docs WHERE id = ?')
  const namesVersion = db.prepare('SELECT names_version FROM search_state WHERE id = 1').pluck()
  const caseInfo = db.prepare(`SELECT c.id, c.stage, p.first_name, p.last_name, t.drug, cv.payer
    FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id
    JOIN therapies t ON t.id = c.therapy_id WHERE c.id = ?`)
  const latestCaseOf = db.prepare('SELECT id FROM cases WHERE patient_id = ? ORDER BY opened_on DESC, id DESC LIMIT 1').pluck()
  const patientName = db.prepare(`SELECT first_name || ' ' || last_name FROM patients WHERE id = ?`).pluck()
  const caseCountOf = db.prepare('SELECT count(*) FROM cases WHERE patient_id = ?').pluck()
  const applicantInfo = db.prepare(`SELECT first_name || ' ' || last_name AS name, concat_ws(' · ', NULLIF(drug_name, ''), NULLIF(payer, ''), state) AS context FROM applicants WHERE id = ?`)
  const programInfo = db.prepare(`SELECT name, sponsor FROM assistance_programs WHERE id = ?`)
  const vocabularySources = [
    'SELECT DISTINCT first_name FROM patients',
    'SELECT DISTINCT last_name FROM patients',
    'SELECT DISTINCT payer FROM coverages',
    'SELECT DISTINCT drug FROM therapies',
    'SELECT DISTINCT prescriber FROM therapies',
    'SELECT DISTINCT infusion_provider FROM therapies',
    'SELECT DISTINCT first_name FROM applicants',
    'SELECT DISTINCT last_name FROM applicants',
    'SELECT DISTINCT name FROM assistance_programs',
  ].map((sql) => db.prepare(sql).pluck())

  let vocabulary: { version: number; names: NameVocabulary } | null = null

  /** The names vocabulary, reloaded only when a trigger has bumped `search_state.names_version`. */
  function names(): NameVocabulary {
    const version = namesVersion.get() as number
    if (vocabulary?.version !== version) {
      const terms: string[] = []
      for (const statement of vocabularySources) for (const value of statement.all() as string[]) terms.push(...tokenize(value))
      vocabulary = { version, names: createNameVocabulary(terms) }
    }
    return vocabulary.names
  }

  function toHit(row: CandidateRow, isMatch: (word: string) => boolean): SearchHit {
    if (row.kind === 'applicant' || row.kind === 'program') return toScreeningHit(row, isMatch)
    const caseId = row.case_id ?? (row.patient_id === null ? null : ((latestCaseOf.get(row.patient_id) as number | undefined) ?? null))
    const info = caseId === null ? undefined : (caseInfo.get(caseId) as CaseInfoRow | undefined)
    const name = info ? `${info.first_name} ${info.last_name}` : row.patient_id !== null ? ((patientName.get(row.patient_id) as string | undefined) ?? '') : ''
    const text = docText.get(row.id) as { title: string; body: string }
    // Patients and cases are shown by name already; other rows by what matched in their text.
    const snippet = makeSnippet(row.kind === 'patient' || row.kind === 'case' ? text.body : `${text.title} ${text.body}`, isMatch, MARKERS)
    return {
      id: row.id,
      kind: GROUP_OF[row.kind] ?? 'note',
      caseId: info ? info.id : null,
      applicantId: null,
      programId: null,
      patientName: name,
      stage: info?.stage ?? null,
      context: info ? `${info.drug} · ${info.payer}` : '',
      snippet,
    }
  }

  /** An applicant (opens their screening) or a program (opens the catalog), shown by its own name. */
  function toScreeningHit(row: CandidateRow, isMatch: (word: string) => boolean): SearchHit {
    const text = docText.get(row.id) as { title: string; body: string }
    const base = { id: row.id, caseId: null, stage: null, snippet: makeSnippet(text.body, isMatch, MARKERS) }
    if (row.kind === 'applicant') {
      const info = applicantInfo.get(row.ref_id) as { name: string; context: string } | undefined
      return { ...base, kind: 'applicant', applicantId: row.ref_id, programId: null, patientName: info?.name ?? text.title, context: info?.context ?? '' }
    }
    const info = programInfo.get(row.ref_id) as { name: string; sponsor: string } | undefined
    return { ...base, kind: 'program', applicantId: null, programId: row.ref_id, patientName: info?.name ?? text.title, context: info?.sponsor ?? '' }
  }

  /**
   * A patient with one case is one result, not two: the patient's row already opens that case, so
   * the case's own row is dropped (the patient row is kept, as it is what was looked for by name).
   */
  function withoutDuplicateCases(picked: Map<SearchKind, CandidateRow[]>) {
    const patients = picked.get('patient') ?? []
    const cases = picked.get('case')
    if (!patients.length || !cases?.length) return
    const soleCaseOf = new Set<number>()
    for (const row of patients) {
      if (row.patient_id === null || (caseCountOf.get(row.patient_id) as number) !== 1) continue
      const only = latestCaseOf.get(row.patient_id) as number | undefined
      if (only !== undefined) soleCaseOf.add(only)
    }
    picked.set('case', cases.filter((row) => row.case_id === null || !soleCaseOf.has(row.case_id)))
  }

  return {
    /**
     * Finds rows matching every typed word (as a prefix, or a name within one or two edits when no
     * name starts with it), best first, grouped by kind. Never throws on what was typed.
     */
    search(text: string, limitPerKind: number): SearchResponse {
      const started = performance.now()
      const tokens = tokenize(text)
      if (tokens.length === 0) return { query: text, groups: [], corrections: [], tookMs: 0 }
      const plans = planTokens(tokens, names())
      const match = buildMatchExpression(plans)
      const scored = (matches.all(match) as [number, number][]).sort((a, b) => a[1] - b[1] || b[0] - a[0])
      const rows = scored.length ? (candidates.all(JSON.stringify(scored.map(([id]) => id))) as CandidateRow[]) : []
      const byId = new Map(rows.map((row) => [row.id, row]))
      const picked = new Map<SearchKind, CandidateRow[]>()
      for (const [id] of scored) {
        const row = byId.get(id)
        if (!row) continue
        const kind = GROUP_OF[row.kind] ?? 'note'
        const list = picked.get(kind) ?? []
        if (list.length < limitPerKind) list.push(row)
        picked.set(kind, list)
      }
      withoutDuplicateCases(picked)
      const isMatch = wordMatcher(plans)
      const groups: SearchGroup[] = SEARCH_KINDS.filter((kind) => picked.get(kind)?.length).map((kind) => ({
        kind,
        hits: picked.get(kind)!.map((row) => toHit(row, isMatch)),
      }))
      return {
        query: text,
        groups,
        corrections: plans.filter((p) => p.corrected).map((p) => ({ typed: p.token, matched: p.alternatives })),
        tookMs: Math.round((performance.now() - started) * 10) / 10,
      }
    },
  }
}
export type SearchRepository = ReturnType<typeof createSearchRepository>
