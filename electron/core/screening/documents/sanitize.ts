/**
 * Makes user text safe for a .docx: drops U+FFFE, U+FFFF, lone surrogates and control characters
 * that XML 1.0 forbids (docx 9 lets them through into an invalid file), and normalizes line ends.
 */
export function sanitizeText(value: string): string {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i] + value[i + 1]
        i++
      }
      continue
    }
    if (code >= 0xdc00 && code <= 0xdfff) continue
    if (code === 0xfffe || code === 0xffff) continue
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) continue
    out += value[i]
  }
  return out.replace(/\r\n?/g, '\n')
}

/** Lines of sanitized text: docx writes `\n` literally, so each line becomes its own run with a break. */
export function textLines(value: string): string[] {
  return sanitizeText(value).split('\n')
}
