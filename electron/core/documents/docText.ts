/**
 * The one sanitizer for user text on its way into a .docx (STYLE.md, Documents; STACK.md: docx 9
 * writes `\n` literally and lets U+FFFE/U+FFFF through into invalid XML).
 */

// Characters XML 1.0 forbids (production [2] "Char"): C0 controls other than tab/LF/CR, lone
// surrogates (matched as code points thanks to the `u` flag), and U+FFFE/U+FFFF.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Drops every character XML 1.0 cannot carry and normalizes line endings to `\n`. */
export function cleanDocText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(NOT_XML_CHAR, '')
}

/** A cleaned text cut into lines: each line after the first becomes a run with a break before it. */
export function docLines(text: string): string[] {
  return cleanDocText(text).split('\n')
}
