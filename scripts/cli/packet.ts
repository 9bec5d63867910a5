import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createCore } from '../../electron/core/createCore'
import { LETTER_KINDS, type LetterKind } from '../../shared/domain/documents'
import { caseFileSchema } from '../../shared/schemas/caseFileSchema'
import { firstPositional, option, readValidJson, usage } from './cliFiles'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/**
 * `npm run cli -- packet <case.json> --out <dir> [--kind <letterKind>] [--force]`: the same packet
 * the app exports, built headlessly. The case file is imported into a throwaway caseload in a temp
 * folder through the core's case-file import (checked exactly like a bundle's case). That caseload is
 * encrypted under a random key that lives only in this process (issue 13 item 1: no patient data in the
 * clear in a temp folder, even for the seconds the command runs, or after a crash); attachments listed in the
 * file are included when their `path` exists beside the case file, else skipped and reported.
 * Writes `<dir>/<name>.docx` and `<dir>/exhibits/Exhibit-NN-<label>.<ext>`; refuses to overwrite
 * any existing file unless `--force`. Prints a JSON summary: files with sha256, placeholders remaining.
 */
export async function runPacket(args: string[]): Promise<number> {
  const file = firstPositional(args.filter((a) => a !== '--force'))
  const out = option(args, '--out')
  const kindArg = option(args, '--kind')
  const force = args.includes('--force')
  if (!file || !out) return usage('packet needs a case file and an output folder: npm run cli -- packet <case.json> --out <dir> [--kind <letterKind>] [--force]')
  if (kindArg !== undefined && !(LETTER_KINDS as readonly string[]).includes(kindArg)) return usage(`--kind must be one of: ${LETTER_KINDS.join(', ')}`)
  const parsed = readValidJson(file, caseFileSchema, 'case file (docs/case-file.md)')
  if ('exitCode' in parsed) return parsed.exitCode

  // The case file as written, with only the attachments whose files are at hand, imported through
  // the core's own case-file check (the same one a bundle's cases pass).
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const files = new Map<string, Buffer>()
  const included: unknown[] = []
  const skipped: string[] = []
  for (const [index, entry] of (parsed.data.attachments ?? []).entries()) {
    const source = join(dirname(resolve(file)), entry.path)
    if (existsSync(source)) {
      files.set(entry.path, readFileSync(source))
      included.push((raw.attachments as unknown[])[index])
    } else skipped.push(entry.path)
  }
  const entry = { ...raw, ...(raw.attachments ? { attachments: included } : {}) }

  const temp = mkdtempSync(join(tmpdir(), 'overturn-packet-'))
  const throwawayKey = randomBytes(32)
  const core = createCore({ dataDir: temp, seedDemoOnFirstRun: false, key: throwawayKey })
  try {
    const report = await core.transfer.importCaseFile(entry, files, 'import')
    if (report.isRejected) {
      process.stderr.write(`${JSON.stringify({ error: 'The case file could not be read as a case.', fileError: report.fileError, problems: report.cases.flatMap((c) => Object.entries(c.errors)) }, null, 2)}\n`)
      return 2
    }
    const caseId = report.importedCaseIds[0]
    // The file's organization and the advocate's own letter text, as the app's Settings and "Save this version" keep them.
    if (parsed.data.organization) core.documents.saveOrganization(parsed.data.organization)
    for (const letter of parsed.data.letters ?? []) core.documents.saveLetter({ caseId, kind: letter.kind, body: letter.body })
    const options = core.documents.letterOptions(caseId)
    const kind = (kindArg as LetterKind | undefined) ?? parsed.data.letters?.[0]?.kind ?? (options.find((o) => o.isRecommended) ?? options[0])?.kind
    if (!kind || !options.some((o) => o.kind === kind)) return usage(`This case's ladder offers: ${options.map((o) => o.kind).join(', ')}`)

    const packet = await core.documents.assemblePacket({ caseId, kind, acceptPlaceholders: true })
    const targets = [
      { path: join(out, packet.docxName), bytes: packet.docx },
      // The fax-ready PDF beside the DOCX (packet letters): same letter, exhibits merged, pages numbered.
      ...(packet.pdf ? [{ path: join(out, packet.docxName.replace(/\.docx$/, ' - fax.pdf')), bytes: packet.pdf.bytes }] : []),
      ...packet.exhibits.map((e) => ({ path: join(out, e.name), bytes: e.bytes })),
    ]
    const existing = targets.filter((t) => existsSync(t.path)).map((t) => t.path)
    if (existing.length > 0 && !force) {
      process.stderr.write(`${JSON.stringify({ error: 'Files already exist; nothing was written. Use --force to replace them.', existing }, null, 2)}\n`)
      return 1
    }
    for (const target of targets) {
      mkdirSync(dirname(target.path), { recursive: true })
      writeFileSync(target.path, target.bytes)
    }
    const summary = {
      kind,
      title: packet.letter.titleEn,
      files: targets.map((t) => ({ path: t.path, bytes: t.bytes.length, sha256: sha256(t.bytes) })),
      placeholders: packet.letter.missing,
      skippedAttachments: skipped,
    }
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    return 0
  } finally {
    core.close()
    throwawayKey.fill(0)
    rmSync(temp, { recursive: true, force: true })
  }
}
