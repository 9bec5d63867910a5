import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { isDayString, localDayOf } from '../../shared/domain/days'
import { createOcrEngine } from '../../electron/core/intake/ocrEngine'
import { readLetter } from '../../electron/core/intake/readLetter'
import { AppError } from '../../electron/core/errors'
import { readerMessages } from '../../renderer/src/i18n/en/reader'
import { firstPositional, option, usage } from './cliFiles'

/** The sentence for a reader error key (`reader.error.password` → "This PDF is protected…"). */
function sentence(key: string): string {
  const name = key.replace(/^reader\.error\./, '') as keyof typeof readerMessages.reader.error
  return readerMessages.reader.error[name] ?? key
}

/**
 * `npm run cli -- read-denial <file> [--today YYYY-MM-DD]`: reads a denial letter (text PDF, scanned
 * PDF, fax TIFF, photo) offline the way the app does and prints its fields as JSON, each with its
 * value, confidence, checks and source boxes (fractions of the page). Exit 1 when the file cannot be
 * read or is not a denial letter, 2 for a wrong command line.
 */
export async function runReadDenial(args: string[]): Promise<number> {
  const file = firstPositional(args)
  const today = option(args, '--today') ?? localDayOf(new Date())
  if (!file) return usage('read-denial needs a file: npm run cli -- read-denial <letter.pdf|.tif|.png|.jpg>')
  if (!isDayString(today)) return usage(`--today must be a date written YYYY-MM-DD, not "${today}"`)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    return usage(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const ocr = createOcrEngine()
  try {
    const { result } = await readLetter(bytes, basename(file), { today, ocr })
    process.stdout.write(`${JSON.stringify({ file: result.fileName, kind: result.kind, pages: result.pages, fields: result.fields }, null, 2)}\n`)
    return 0
  } catch (error) {
    process.stderr.write(`${file}: ${error instanceof AppError ? sentence(error.message) : 'The letter could not be read.'}\n`)
    return 1
  } finally {
    await ocr.close()
  }
}
