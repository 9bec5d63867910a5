/**
 * The renderer's one home for file bytes: base64 in and out (the contract carries files as base64)
 * and saving a file the user keeps. Works the same in Electron and in browser mode.
 */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const ZIP_MIME = 'application/zip'

/** Bytes → base64 in chunks, so a large bundle does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export const base64ToBlob = (base64: string, mime: string): Blob => new Blob([base64ToBytes(base64)], { type: mime })

/** A browser File as base64 (for the upload and import channels). */
export async function fileToBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}

/** Saves a file through an `<a download>`: the browser or Electron asks where, so nothing is overwritten silently. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const downloadBase64 = (fileName: string, base64: string, mime: string): void => downloadBlob(fileName, base64ToBlob(base64, mime))

export function downloadText(fileName: string, content: string, type: string): void {
  downloadBlob(fileName, new Blob([content], { type: `${type};charset=utf-8` }))
}
