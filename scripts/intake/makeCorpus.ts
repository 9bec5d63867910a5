/**
 * Generates the intake corpus (issue 17): each synthetic letter of corpusLetters.ts as a text PDF, a
 * 300 dpi scanned PDF, a 200 dpi fax TIFF (skew, bilevel, speckle noise) and a phone-photo-like JPEG
 * (perspective, shading, blur), with its expected fields as JSON. Deterministic (seeded), so a test
 * can generate it into a temporary folder instead of the repository carrying megabytes of images.
 *
 *   npx tsx scripts/intake/makeCorpus.ts <outDir> [--kinds text,scan,fax,photo] [--only L01,L02]
 *
 * Needs pdftoppm (Debian poppler-utils) and the sharp devDependency.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib'
import sharp from 'sharp'
import { CORPUS_LETTERS, expectedOf, longDate, slashDate, type CorpusLetter } from './corpusLetters'

export const CORPUS_KINDS = ['text', 'scan', 'fax', 'photo'] as const
export type CorpusKind = (typeof CORPUS_KINDS)[number]
export const CORPUS_FILE: Record<CorpusKind, string> = { text: 'text.pdf', scan: 'scan.pdf', fax: 'fax.tif', photo: 'photo.jpg' }

/** A small seeded generator (mulberry32) so every run draws the same noise. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const seedOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)

const group = (value: string, size: number) => value.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-')
const printedMemberId = (v: string) => (/^\d[A-Z0-9]{10}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 7)}-${v.slice(7)}` : v)
const printedReference = (v: string) => v.replace(/^([A-Z]+)(\d+)$/, '$1-$2')

/** The letter's facts as the payer prints them: label and value, in the layout's wording. */
function facts(letter: CorpusLetter): [string, string][] {
  const e = letter.expected
  const medicare = e.planFamily === 'medicare_part_b' || e.planFamily === 'medicare_advantage'
  const rows: [string, string][] = []
  const prose = letter.layout === 'prose'
  rows.push([medicare ? (prose ? 'Your Medicare Number is' : 'Medicare Number') : prose ? 'Your member ID is' : 'Member ID', printedMemberId(e.memberId ?? '')])
  if (e.claimNumber) rows.push([prose ? 'The claim number is' : letter.layout === 'table' ? 'Claim #' : 'Claim number', letter.layout === 'labelled' ? group(e.claimNumber, 4) : e.claimNumber])
  if (e.referenceNumber) rows.push([prose ? 'Your authorization number is' : letter.layout === 'table' ? 'Reference #' : 'Prior authorization number', printedReference(e.referenceNumber)])
  if (e.serviceDate) rows.push([prose ? 'Date of service requested' : 'Date of service', prose ? longDate(e.serviceDate) : slashDate(e.serviceDate)])
  if (e.drug) rows.push([prose ? 'Service requested' : letter.layout === 'table' ? 'Drug/Service' : 'Drug or service', e.drug])
  if (e.hcpcsCode) rows.push([prose ? 'Procedure code (HCPCS)' : 'HCPCS code', e.hcpcsCode])
  if (e.icd10Codes.length) rows.push([prose ? 'Diagnosis codes on the request' : 'Diagnosis (ICD-10)', e.icd10Codes.join(', ')])
  if (e.providerNpi) rows.push([prose ? 'Ordering provider NPI' : 'Prescriber NPI', e.providerNpi])
  return rows
}

class Writer {
  y = 740
  constructor(
    private page: PDFPage,
    private font: PDFFont,
    private bold: PDFFont,
  ) {}
  line(text: string, opts: { size?: number; isBold?: boolean; x?: number; gap?: number } = {}) {
    const size = opts.size ?? 10.5
    this.page.drawText(text, { x: opts.x ?? 72, y: this.y, size, font: opts.isBold ? this.bold : this.font, color: rgb(0, 0, 0) })
    this.y -= size * 1.35 + (opts.gap ?? 0)
  }
  /** Words wrapped at the text width (6.5 in). */
  paragraph(text: string, size = 10.5) {
    const words = text.split(' ')
    let line = ''
    for (const word of words) {
      const next = line ? `${line} ${word}` : word
      if (this.font.widthOfTextAtSize(next, size) > 468 && line) {
        this.line(line, { size })
        line = word
      } else line = next
    }
    if (line) this.line(line, { size })
    this.y -= 5
  }
  row(label: string, value: string) {
    this.page.drawText(label, { x: 72, y: this.y, size: 10.5, font: this.bold })
    this.page.drawText(value, { x: 240, y: this.y, size: 10.5, font: this.font })
    this.y -= 15
  }
  space(points = 8) {
    this.y -= points
  }
}

/** The letter as a one-page text PDF (US Letter), with a real text layer. */
export async function letterPdf(letter: CorpusLetter): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle('Notice')
  const page = doc.addPage([612, 792])
  const serif = letter.layout === 'prose'
  const font = await doc.embedFont(serif ? StandardFonts.TimesRoman : StandardFonts.Helvetica)
  const bold = await doc.embedFont(serif ? StandardFonts.TimesRomanBold : StandardFonts.HelveticaBold)
  const w = new Writer(page, font, bold)
  const e = letter.expected
  w.line(letter.payer, { size: 18, isBold: true, gap: 2 })
  w.line(letter.payerAddress, { size: 9, gap: 10 })
  if (letter.layout === 'labelled') w.line(longDate(e.noticeDate), { gap: 6 })
  else if (letter.layout === 'prose') w.line(`Date of notice: ${slashDate(e.noticeDate)}`, { gap: 6 })
  w.line(letter.patient.name)
  w.line(letter.patient.street)
  w.line(letter.patient.city, { gap: 10 })
  const title = letter.layout === 'prose' ? 'Notice of Denial of Coverage' : 'NOTICE OF ADVERSE BENEFIT DETERMINATION'
  w.line(title, { size: 12, isBold: true, gap: 6 })
  if (letter.layout === 'table') {
    w.row('Notice date', slashDate(e.noticeDate))
    w.row('Member name', letter.patient.name)
    for (const [label, value] of facts(letter)) w.row(label, value)
    w.space()
  } else if (letter.layout === 'labelled') {
    for (const [label, value] of facts(letter)) w.line(`${label}: ${value}`)
    w.space()
  }
  w.line(`Dear ${letter.patient.name}:`, { gap: 4 })
  w.paragraph(letter.planText)
  if (letter.layout === 'prose') {
    w.paragraph('We reviewed the request your doctor sent us for the drug or service described below, and we denied it.')
    for (const [label, value] of facts(letter)) w.line(`${label} ${value}.`)
    w.space()
  } else {
    w.paragraph('We reviewed the request for the drug or service listed above and we denied it.')
  }
  w.line(letter.layout === 'prose' ? 'Why we denied your request' : 'Reason for our decision', { isBold: true })
  w.paragraph(letter.reasonText)
  w.line('Your right to appeal', { isBold: true })
  w.paragraph(`${letter.deadlineText} You may include letters from your doctor and any records that support your request.`)
  w.line(letter.layout === 'prose' ? 'Mail your appeal to:' : 'Send your written appeal to:')
  for (const l of letter.appealAddressLines) w.line(l, { x: 90 })
  w.line(`Fax: ${e.appealFax}`, { x: 90, gap: 6 })
  w.paragraph(letter.reviewerLine)
  w.paragraph('If you have questions, call Member Services at the number on your ID card. This notice is available in other languages and formats.')
  return doc.save()
}

/** Renders page 1 of a PDF to grayscale pixels with pdftoppm. */
function rasterize(pdf: Uint8Array, dpi: number, work: string): Buffer {
  const input = join(work, `in-${dpi}.pdf`)
  writeFileSync(input, pdf)
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', input, join(work, `page-${dpi}`)])
  return readFileSync(join(work, `page-${dpi}.png`))
}

async function scanPdf(pdf: Uint8Array, rand: () => number, work: string): Promise<Uint8Array> {
  const png = rasterize(pdf, 300, work)
  const angle = (rand() - 0.5) * 0.8
  const { data, info } = await sharp(png).rotate(angle, { background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true })
  // Scanner sensor noise and a slightly grey paper.
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, data[i] * 0.94 + 8 + (rand() - 0.5) * 24))
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).jpeg({ quality: 80 }).toBuffer()
  const doc = await PDFDocument.create()
  const image = await doc.embedJpg(jpeg)
  const page = doc.addPage([612, 792])
  page.drawImage(image, { x: 0, y: 0, width: 612, height: 792 })
  return doc.save()
}

async function faxTiff(pdf: Uint8Array, rand: () => number, work: string): Promise<Buffer> {
  const png = rasterize(pdf, 200, work)
  const angle = 0.8 + rand() * 1.0
  const { data, info } = await sharp(png).rotate(rand() < 0.5 ? angle : -angle, { background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true })
  // Fax machines threshold to black and white; the line adds speckles.
  for (let i = 0; i < data.length; i++) {
    const v = data[i] + (rand() - 0.5) * 60
    data[i] = v < 150 ? 0 : 255
    if (rand() < 0.0015) data[i] = 255 - data[i]
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: 200 / 25.4, yres: 200 / 25.4 })
    .toBuffer()
}

async function photoJpeg(pdf: Uint8Array, rand: () => number, work: string): Promise<Buffer> {
  const png = rasterize(pdf, 180, work)
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
  const w = info.width
  const h = info.height
  const outW = Math.round(w * 1.08)
  const outH = Math.round(h * 1.04)
  const out = Buffer.alloc(outW * outH * 3)
  const topShrink = 0.88 + rand() * 0.04
  const tilt = (rand() - 0.5) * 0.03
  for (let y = 0; y < outH; y++) {
    // Perspective: the top of the page is further from the lens, so narrower.
    const t = y / outH
    const scale = topShrink + (1 - topShrink) * t
    const sy = Math.round((y - outH * 0.02) / 1.0)
    for (let x = 0; x < outW; x++) {
      const sx = Math.round((x - outW / 2) / scale + w / 2 + tilt * (y - outH / 2))
      const inside = sx >= 0 && sx < w && sy >= 0 && sy < h
      const paper = inside ? data[sy * w + sx] : 70
      // A lamp on one side: light falls off toward the far corner.
      const shade = 1 - 0.28 * (x / outW) * (0.6 + 0.4 * t)
      const v = paper * shade + (rand() - 0.5) * 10
      const o = (y * outW + x) * 3
      out[o] = Math.max(0, Math.min(255, v * 1.0))
      out[o + 1] = Math.max(0, Math.min(255, v * 0.97))
      out[o + 2] = Math.max(0, Math.min(255, v * 0.9))
    }
  }
  return sharp(out, { raw: { width: outW, height: outH, channels: 3 } }).blur(0.7).jpeg({ quality: 82 }).toBuffer()
}

/** Writes `<outDir>/<letterId>/{expected.json,text.pdf,scan.pdf,fax.tif,photo.jpg}` and returns the letters written. */
export async function makeCorpus(outDir: string, kinds: readonly CorpusKind[] = CORPUS_KINDS, only?: string[]): Promise<CorpusLetter[]> {
  const letters = CORPUS_LETTERS.filter((l) => !only || only.some((o) => l.id.startsWith(o)))
  const work = mkdtempSync(join(tmpdir(), 'overturn-corpus-'))
  try {
    for (const letter of letters) {
      const dir = join(outDir, letter.id)
      mkdirSync(dir, { recursive: true })
      const rand = seeded(seedOf(letter.id))
      const pdf = await letterPdf(letter)
      writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(expectedOf(letter), null, 2)}\n`)
      if (kinds.includes('text')) writeFileSync(join(dir, CORPUS_FILE.text), pdf)
      if (kinds.includes('scan')) writeFileSync(join(dir, CORPUS_FILE.scan), await scanPdf(pdf, rand, work))
      if (kinds.includes('fax')) writeFileSync(join(dir, CORPUS_FILE.fax), await faxTiff(pdf, rand, work))
      if (kinds.includes('photo')) writeFileSync(join(dir, CORPUS_FILE.photo), await photoJpeg(pdf, rand, work))
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return letters
}

if (process.argv[1]?.endsWith('makeCorpus.ts')) {
  const [outDir, ...rest] = process.argv.slice(2)
  if (!outDir) {
    process.stderr.write('Usage: npx tsx scripts/intake/makeCorpus.ts <outDir> [--kinds text,scan,fax,photo] [--only L01,L02]\n')
    process.exit(2)
  }
  const option = (name: string) => {
    const i = rest.indexOf(name)
    return i >= 0 ? rest[i + 1]?.split(',') : undefined
  }
  const kinds = (option('--kinds') ?? [...CORPUS_KINDS]) as CorpusKind[]
  const letters = await makeCorpus(outDir, kinds, option('--only'))
  process.stdout.write(`${letters.length} letters written to ${outDir}\n`)
}
