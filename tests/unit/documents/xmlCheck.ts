// A small well-formedness check for the XML docx writes (no XML parser is installed): every
// character allowed by XML 1.0, tags balanced, no stray `<` or bare `&` in text or attributes.
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g

export function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  if (!XML_CHAR.test(xml)) problems.push('character not allowed in XML 1.0')
  const stack: string[] = []
  const tag = /<([^>]*)>/g
  let last = 0
  for (const match of xml.matchAll(tag)) {
    const text = xml.slice(last, match.index)
    if (text.includes('<') || text.replace(ENTITY, '').includes('&')) problems.push(`bad text near ${match.index}`)
    last = match.index + match[0].length
    const inner = match[1]
    if (inner.startsWith('?') || inner.startsWith('!')) continue
    if (inner.replace(ENTITY, '').includes('&') || inner.includes('<')) problems.push(`bad attribute near ${match.index}`)
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim()
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`)
    } else if (!inner.endsWith('/')) {
      stack.push(inner.split(/\s/)[0])
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(',')}`)
  return problems
}
