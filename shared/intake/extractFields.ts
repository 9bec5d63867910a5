/**
 * Finds the facts of a denial letter in its words: labelled values ("Member ID: …"), the letterhead
 * (the tallest line at the top of page 1), dates near appeal wording, the appeal address block and the
 * reason paragraph. Pure: words in, fields out. Every value keeps the words it came from, and every
 * value is checked (codeChecks.ts); anything unsure is marked for review, never silently trusted.
 */
import { US_STATES, type DenialReason, type PlanFamily, type UsState } from '../domain/enums'
import type { IntakeField, IntakeFieldKey, IntakeIssue, IntakeWord } from '../domain/intake'
import { INTAKE_FIELD_KEYS } from '../domain/intake'
import { isHcpcsShape, isIcd10Shape, isKnownHcpcs, isKnownIcd10, isMbi, isPlausibleDay, isValidNpi, looksLikeMbi, repairCode, repairIcd10 } from './codeChecks'
import { buildLetterText, lineAt, wordsIn, type LetterText } from './letterText'
import { classifyReason, planFamilyHint } from './reasonMap'

/** Below this, an OCR word is shown as unsure (tesseract's confidence for clean 300 dpi text is ≥ 0.9). */
export const LOW_CONFIDENCE = 0.8

interface Found {
  value: string | string[] | null
  start: number
  end: number
  issues?: IntakeIssue[]
  /** Lowers the confidence of values found by wording or layout rather than by a label. */
  certainty?: number
  raw?: string
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const MONTH_NAMES = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
/** A printed date: "March 3, 2027", "03/03/2027", "3-3-27", "2027-03-03". */
export const DATE_PATTERN = `(?:${MONTH_NAMES}[ \\t]+\\d{1,2},?[ \\t]+\\d{4}|\\d{1,2}[/-]\\d{1,2}[/-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})`

/** Turns a printed date into YYYY-MM-DD, or null. */
export function parseDate(text: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0')
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (m) return `${m[1]}-${m[2]}-${m[3]}`
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text)
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])
    return `${year}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text)
  if (m) {
    const month = MONTHS.findIndex((name) => name.startsWith(m![1].toLowerCase().slice(0, 3)))
    if (month >= 0) return `${m[3]}-${pad(month + 1)}-${pad(Number(m[2]))}`
  }
  return null
}

/** A pattern's letters made case-insensitive one by one, so the value after a label keeps its case rules. */
function anyCase(pattern: string): string {
  let out = ''
  let isInClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') out += c + pattern[++i]
    else if (c === '[' || c === ']') {
      isInClass = c === '['
      out += c
    } else if (!isInClass && /[a-z]/i.test(c)) out += `[${c.toLowerCase()}${c.toUpperCase()}]`
    else out += c
  }
  return out
}

/**
 * `label` then an optional `:`/`#`/`is` on the same line, then the value captured by `value`. With
 * `atLineStart` the label must begin its line (after "Your"/"The"), so prose that merely mentions
 * "the drug or service listed above" is not read as a label.
 */
function labelled(letter: LetterText, label: string, value: string, atLineStart = false): Found | null {
  const lead = atLineStart ? '^[ \\t]*(?:[Yy]our[ \\t]+|[Tt]he[ \\t]+)?' : ''
  const pattern = new RegExp(`${lead}(?:${anyCase(label)})[ \\t]*(?:[:#.]|\\bis\\b|\\bwas\\b)?[ \\t]*(${value})`, 'gm')
  const match = pattern.exec(letter.text)
  if (!match) return null
  const start = match.index + match[0].length - match[1].length
  return { value: match[1], start, end: start + match[1].length, raw: match[1] }
}

const stripSeparators = (v: string) => v.replace(/[\s-]/g, '').toUpperCase()

function memberId(letter: LetterText): Found | null {
  const found = labelled(letter, '(?:member|subscriber|enrollee|beneficiary|patient)\\s*(?:id(?:entification)?|number|no\\.?)(?:\\s*number)?|medicare\\s*(?:number|id|beneficiary identifier)|\\bMBI\\b', '[A-Z0-9][A-Z0-9-]{4,20}[A-Z0-9]')
  if (!found) return null
  const value = stripSeparators(found.value as string)
  const issues: IntakeIssue[] = []
  // A Medicare number must be a valid MBI; an 11-character id starting with a digit is read as one.
  if (looksLikeMbi(value) && !isMbi(value)) issues.push('badFormat')
  return { ...found, value, issues }
}

function claimNumber(letter: LetterText): Found | null {
  const found = labelled(letter, 'claim\\s*(?:control\\s*)?(?:number|no\\.?|#|id)|internal\\s*control\\s*number|\\bICN\\b', '[A-Z0-9][A-Z0-9-]{3,30}[A-Z0-9]')
  return found ? { ...found, value: stripSeparators(found.value as string) } : null
}

function referenceNumber(letter: LetterText): Found | null {
  const found = labelled(
    letter,
    '(?:prior\\s*)?(?:authorization|auth|reference|ref|case|request|tracking)\\s*(?:number|no\\.?|#|id)',
    '(?=[A-Z-]*\\d)[A-Z0-9][A-Z0-9-]{3,30}[A-Z0-9]',
  )
  return found ? { ...found, value: stripSeparators(found.value as string) } : null
}

function dateAfter(letter: LetterText, label: string): Found | null {
  const found = labelled(letter, label, DATE_PATTERN)
  if (!found) return null
  const day = parseDate((found.value as string).replace(/\s+/g, ' '))
  return { ...found, value: day, issues: day ? [] : ['badFormat'] }
}

/** The notice date: labelled, or else a date standing alone on a line near the top of page 1. */
function noticeDate(letter: LetterText): Found | null {
  const found = dateAfter(letter, '(?:date\\s*of\\s*(?:this\\s*)?(?:notice|letter)|notice\\s*date|letter\\s*date|date\\s*(?:mailed|issued|sent))')
  if (found) return found
  for (const line of letter.lines) {
    if (line.page !== 0 || line.top > 0.4) continue
    const match = new RegExp(`^(?:Date:?\\s*)?(${DATE_PATTERN})$`, 'i').exec(line.text.trim())
    if (match) {
      const start = line.start + line.text.indexOf(match[1])
      const day = parseDate(match[1])
      return { value: day, start, end: start + match[1].length, issues: day ? [] : ['badFormat'], certainty: 0.95 }
    }
  }
  return null
}

function serviceDate(letter: LetterText): Found | null {
  return dateAfter(letter, 'dates?\\s*\\(?s?\\)?\\s*of\\s*service(?:\\s*requested)?|service\\s*dates?|requested\\s*start\\s*date|service\\s*(?:start|begin)s?\\s*(?:date|on)')
}

function drug(letter: LetterText): Found | null {
  const found = labelled(
    letter,
    '(?:drug\\s*(?:or|[/|lIi1]{1,3})\\s*service|service\\s*requested|requested\\s*(?:drug|service|item)|item\\s*or\\s*service|medication|drug|item)',
    '[A-Za-z][^\\n.;]{1,80}',
    true,
  )
  return found ? { ...found, value: cleanText(found.value as string) } : null
}

/** Drops what fax speckles leave around free text: lone punctuation, stray single lowercase letters. */
function cleanText(text: string): string {
  return text
    .split(/\s+/)
    .filter((token) => /[A-Za-z0-9]/.test(token) && !/^[a-z]$/.test(token))
    .join(' ')
    .replace(/[\s,;:.'’]+$/, '')
    .trim()
}

function hcpcs(letter: LetterText): Found | null {
  const found = labelled(letter, '(?:HCPCS|procedure|billing|CPT)(?:\\s*(?:code|\\(HCPCS\\)))*', '[A-Z0-9]{5}\\b')
  if (!found) return null
  const raw = (found.value as string).toUpperCase()
  if (isHcpcsShape(raw) && isKnownHcpcs(raw)) return { ...found, value: raw }
  const repaired = repairCode(raw, isKnownHcpcs)
  if (repaired) return { ...found, value: repaired, issues: ['corrected'] }
  return { ...found, value: raw, issues: [isHcpcsShape(raw) ? 'unknownCode' : 'badFormat'] }
}

function icd10(letter: LetterText): Found | null {
  const found = labelled(letter, '(?:diagnosis|diagnoses|ICD-?10)(?:\\s*(?:codes?|\\(ICD-?10\\)))*(?:\\s*on\\s*the\\s*request)?', '[A-Z0-9][A-Z0-9.]{2,8}(?:[ \\t]*,[ \\t]*[A-Z0-9][A-Z0-9.]{2,8})*')
  if (!found) return null
  const issues = new Set<IntakeIssue>()
  const codes = (found.value as string)
    .split(/\s*,\s*/)
    .map((c) => c.replace(/\.$/, '').toUpperCase())
    .filter(Boolean)
    .map((code) => {
      if (isIcd10Shape(code) && isKnownIcd10(code)) return code
      const repaired = repairIcd10(code)
      if (repaired) {
        issues.add('corrected')
        return repaired
      }
      issues.add(isIcd10Shape(code) ? 'unknownCode' : 'badFormat')
      return code
    })
  return { ...found, value: codes, issues: [...issues] }
}

/** The appeal deadline as printed: a date after "by / until / no later than" in appeal wording. */
function appealDeadline(letter: LetterText): Found | null {
  const pattern = new RegExp(`(?:appeal|reconsideration|redetermination|receive|request)[^\\n]*?(?:\\n[^\\n]*?)?\\b(?:by|until|no\\s+later\\s+than|before|deadline:?)\\s+(${DATE_PATTERN})`, 'gi')
  const match = pattern.exec(letter.text)
  if (!match) return null
  const start = match.index + match[0].length - match[1].length
  const day = parseDate(match[1].replace(/\s+/g, ' '))
  return { value: day, start, end: start + match[1].length, issues: day ? [] : ['badFormat'] }
}

const CITY_STATE_ZIP = /,?\s+[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?\s*$/

/** The lines after "send / mail your appeal to:" down to the city, state and ZIP line. */
function appealAddress(letter: LetterText): Found | null {
  const intro = /(?:send|mail|write|submit|fax)[^\n]*(?:appeal|request|reconsideration|redetermination)[^\n]*(?:to|at|address)\s*:?\s*$/im
  const index = letter.lines.findIndex((line) => intro.test(line.text))
  if (index < 0) return null
  const parts: string[] = []
  for (let i = index + 1; i < Math.min(letter.lines.length, index + 7); i++) {
    const text = letter.lines[i].text.trim()
    if (/^fax|^phone|^tel/i.test(text)) break
    parts.push(cleanText(text))
    if (CITY_STATE_ZIP.test(text)) {
      const start = letter.lines[index + 1].start
      const end = letter.lines[i].start + letter.lines[i].text.length
      return { value: parts.join(', '), start, end }
    }
  }
  return null
}

const PHONE = '\\(?\\d{3}\\)?[ \\t.-]*\\d{3}[ \\t.-]*\\d{4}'
function appealFax(letter: LetterText, after: number): Found | null {
  const pattern = new RegExp(`\\bfax(?:\\s*(?:number|no\\.?))?\\s*[:#]?\\s*(${PHONE})`, 'gi')
  let best: RegExpExecArray | null = null
  for (let m = pattern.exec(letter.text); m; m = pattern.exec(letter.text)) {
    // The fax printed with the appeal address is the one to appeal to.
    if (!best || (m.index >= after && best.index < after)) best = m
  }
  if (!best) return null
  const digits = best[1].replace(/\D/g, '')
  const start = best.index + best[0].length - best[1].length
  return { value: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`, start, end: start + best[1].length }
}

const CREDENTIALS = 'MD|M\\.D\\.|DO|D\\.O\\.|PharmD|RPh|RN|BSN|NP|PA-C|CPC|CCS|PhD|MBBS|FACP|LPN'
function reviewer(letter: LetterText): Found | null {
  const name = "[A-Z][a-z]+(?:[ \\t]+[A-Z]\\.)?[ \\t]+[A-Z][A-Za-z'-]+"
  const pattern = new RegExp(`(${name}),?[ \\t]+(${CREDENTIALS})\\b`, 'g')
  const candidates: RegExpExecArray[] = []
  for (let m = pattern.exec(letter.text); m; m = pattern.exec(letter.text)) candidates.push(m)
  if (!candidates.length) return null
  // Prefer a name next to review wording ("reviewed by", "reviewer", "decision by").
  const nearReview = candidates.find((m) => /review|decision|clinician|physician|director|pharmacist/i.test(letter.text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30)))
  const m = nearReview ?? candidates[0]
  const value = `${m[1].replace(/\s+/g, ' ')}, ${m[2].replace(/\./g, '')}`
  return { value, start: m.index, end: m.index + m[0].length, certainty: nearReview ? 1 : 0.7, issues: nearReview ? [] : ['guessed'] }
}

function providerNpi(letter: LetterText): Found | null {
  const found = labelled(letter, '\\bNPI\\b(?:\\s*(?:number|no\\.?|#))?', '\\d[\\d -]{8,12}\\d')
  if (!found) return null
  const value = (found.value as string).replace(/\D/g, '')
  return { ...found, value, issues: value.length === 10 ? (isValidNpi(value) ? [] : ['badCheckDigit']) : ['badFormat'] }
}

const PERSON = "[A-Z][A-Za-z'-]+(?:[ \\t]+[A-Z]\\.?)?(?:[ \\t]+[A-Z][A-Za-z'-]+)+"

/**
 * The addressee: "Member name: …", or the name after "Dear". Names have no format to check, so the
 * places a letter prints the name (label, salutation, address block) are compared: OCR rarely misreads
 * all of them the same way, and a disagreement marks the field for review.
 */
function patientName(letter: LetterText): Found | null {
  const labelledName = labelled(letter, '(?:member|patient|beneficiary|enrollee)\\s*name', PERSON)
  const m = new RegExp(`^Dear[ \\t]+(?:(?:Mr|Ms|Mrs|Mx)\\.?[ \\t]+)?(${PERSON})[ \\t]*[:,]`, 'm').exec(letter.text)
  const start = m ? m.index + m[0].indexOf(m[1]) : 0
  const salutation: Found | null = m ? { value: m[1], start, end: start + m[1].length } : null
  const found = labelledName ?? salutation
  if (!found) return null
  const name = found.value as string
  const sameLength = (text: string) => Math.abs(text.length - name.length) <= 2
  const others = [
    ...(salutation && salutation !== found ? [salutation.value as string] : []),
    // The address block: a line near the top of page 1 that is only a name of about the same length.
    ...letter.lines.filter((l) => l.page === 0 && l.top < 0.4 && new RegExp(`^${PERSON}$`).test(l.text.trim()) && sameLength(l.text.trim()) && near(l.text.trim(), name)).map((l) => l.text.trim()),
  ]
  return others.some((other) => other !== name) ? { ...found, issues: ['mismatch'] } : found
}

/** Two short texts at most two characters apart (the same name with an OCR slip). */
function near(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false
  let diff = Math.abs(a.length - b.length)
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) diff += 1
  return diff <= 2
}

/** The state in the addressee's address block (the lines after their name near the top of page 1). */
function patientState(letter: LetterText, name: string | null): Found | null {
  if (!name) return null
  const index = letter.lines.findIndex((l) => l.page === 0 && l.top < 0.45 && near(l.text.trim(), name))
  if (index < 0) return null
  for (const line of letter.lines.slice(index + 1, index + 4)) {
    const m = /,[ \t]*([A-Z]{2})[ \t]+\d{5}(?:-\d{4})?\s*$/.exec(line.text)
    if (m && US_STATES.includes(m[1] as UsState)) {
      const start = line.start + line.text.lastIndexOf(m[1])
      return { value: m[1], start, end: start + 2 }
    }
  }
  return null
}

/** The letterhead: the tallest line in the top fifth of page 1. */
function payer(letter: LetterText): Found | null {
  const top = letter.lines.filter((l) => l.page === 0 && l.top < 0.2 && /[A-Za-z]{3}/.test(l.text))
  if (!top.length) return null
  const tallest = top.reduce((a, b) => (b.height > a.height * 1.15 ? b : a))
  const isTaller = top.some((l) => l !== tallest && tallest.height > l.height * 1.15)
  return { value: tallest.text.trim(), start: tallest.start, end: tallest.start + tallest.text.length, certainty: isTaller ? 1 : 0.6, issues: isTaller ? [] : ['guessed'] }
}

function reason(letter: LetterText): Found | null {
  const found = classifyReason(letter.text)
  if (!found) return null
  return { value: found.reason satisfies DenialReason, start: found.start, end: found.end, certainty: found.certainty, issues: found.certainty < 1 ? ['guessed'] : [] }
}

function planFamily(letter: LetterText): Found | null {
  const found = planFamilyHint(letter.text)
  if (!found) return null
  return { value: found.family satisfies PlanFamily, start: found.start, end: found.end }
}

/** Extracts every field; `today` bounds plausible dates. Fields the letter does not give have value null. */
export function extractFields(words: IntakeWord[], today: string): IntakeField[] {
  const letter = buildLetterText(words)
  const address = appealAddress(letter)
  const name = patientName(letter)
  const found: Record<IntakeFieldKey, Found | null> = {
    patientName: name,
    patientState: patientState(letter, (name?.value as string | undefined) ?? null),
    payer: payer(letter),
    planFamily: planFamily(letter),
    memberId: memberId(letter),
    claimNumber: claimNumber(letter),
    referenceNumber: referenceNumber(letter),
    noticeDate: noticeDate(letter),
    serviceDate: serviceDate(letter),
    drug: drug(letter),
    hcpcsCode: hcpcs(letter),
    icd10Codes: icd10(letter),
    reason: reason(letter),
    appealDeadline: appealDeadline(letter),
    appealAddress: address,
    appealFax: appealFax(letter, address?.end ?? 0),
    reviewer: reviewer(letter),
    providerNpi: providerNpi(letter),
  }
  checkDates(found, today)
  return INTAKE_FIELD_KEYS.map((key) => toField(letter, key, found[key]))
}

/** Dates must be real days in a plausible range, a deadline after its notice, a service within a year or so of it. */
function checkDates(found: Record<IntakeFieldKey, Found | null>, today: string) {
  const notice = found.noticeDate?.value as string | null | undefined
  for (const key of ['noticeDate', 'serviceDate', 'appealDeadline'] as const) {
    const f = found[key]
    const day = f?.value as string | null | undefined
    if (!f || !day) continue
    const bad =
      !isPlausibleDay(day, today) ||
      (key === 'appealDeadline' && notice && day <= notice) ||
      (key === 'serviceDate' && notice && Math.abs(Date.parse(day) - Date.parse(notice)) > 2 * 365 * 86_400_000)
    if (bad) f.issues = [...(f.issues ?? []), 'implausibleDate']
  }
}

const FREE_TEXT: IntakeFieldKey[] = ['patientName', 'payer', 'drug', 'appealAddress', 'reviewer']
/** Free-text fields read by OCR are shown as sure only above this word confidence. */
export const FREE_TEXT_CONFIDENCE = 0.9

/** Facts a new case cannot be created without; not finding one is itself something to look at. */
const REQUIRED_KEYS: IntakeFieldKey[] = ['patientName', 'payer', 'noticeDate', 'reason']

function toField(letter: LetterText, key: IntakeFieldKey, found: Found | null): IntakeField {
  if (!found || found.value === null || (Array.isArray(found.value) && !found.value.length)) {
    const issues: IntakeIssue[] = [...(found?.issues ?? [])]
    if (REQUIRED_KEYS.includes(key) && !issues.length) issues.push('notFound')
    return { key, value: null, confidence: found ? 0 : 1, source: null, issues, needsReview: issues.length > 0 }
  }
  const words = wordsIn(letter, found.start, found.end)
  const wordConfidence = words.length ? Math.min(...words.map((w) => w.confidence)) : 0
  const confidence = Math.round(wordConfidence * (found.certainty ?? 1) * 100) / 100
  const issues = [...(found.issues ?? [])]
  // Free text (names, addresses) has no format to catch a misread letter, so OCR'd words must be surer.
  const isOcr = words.some((w) => w.confidence < 1)
  const threshold = isOcr && FREE_TEXT.includes(key) ? FREE_TEXT_CONFIDENCE : LOW_CONFIDENCE
  if (wordConfidence < threshold) issues.push('lowConfidence')
  const page = words[0]?.page ?? lineAt(letter, found.start)?.page ?? 0
  return {
    key,
    value: found.value,
    confidence,
    source: { page, boxes: words.filter((w) => w.page === page).map((w) => w.box), text: words.map((w) => w.text).join(' ') },
    issues,
    needsReview: issues.length > 0,
  }
}

/** Whether the words read look like a denial letter at all (and not a recipe or a blank page). */
export function looksLikeDenialLetter(words: IntakeWord[], fields: IntakeField[]): boolean {
  const text = words.map((w) => w.text).join(' ')
  const hasWording = /\b(?:deni(?:ed|al)|adverse|not\s+(?:approved|covered)|appeal|redetermination|reconsideration)\b/i.test(text)
  const facts = fields.filter((f) => f.value !== null && ['memberId', 'claimNumber', 'referenceNumber', 'noticeDate', 'hcpcsCode', 'icd10Codes', 'reason', 'appealAddress'].includes(f.key)).length
  return hasWording && facts >= 2
}
