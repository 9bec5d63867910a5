import type { AttachmentKind } from '../../../shared/domain/documents'
import { attachmentExtension } from './attachmentStore'

/**
 * Page counts for the exhibit index and names for the exhibit files beside the packet, pure.
 * A PDF's pages are its `/Type /Page` objects (not `/Pages`); when they sit in compressed object
 * streams the largest `/Count` of a page tree is used; null when neither is readable.
 */
export function pdfPageCount(bytes: Buffer): number | null {
  const text = bytes.toString('latin1')
  const pages = text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0
  if (pages > 0) return pages
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]))
  return counts.length > 0 ? Math.max(...counts) : null
}

/** Pages an exhibit adds to the packet: PDFs counted, an image is one page, a Word file unknown (null). */
export function exhibitPages(kind: AttachmentKind, bytes: Buffer): number | null {
  if (kind === 'pdf') return pdfPageCount(bytes)
  if (kind === 'png' || kind === 'jpeg') return 1
  return null
}

/**
 * `Exhibit-01-Denial-notice.pdf`: the number, then the label reduced to ASCII letters, digits and
 * dashes (no path separators, dots, reserved names or control characters can survive), at most 60.
 */
export function exhibitFileName(number: number, label: string, kind: AttachmentKind): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `Exhibit-${String(number).padStart(2, '0')}-${slug || 'exhibit'}${attachmentExtension(kind)}`
}
