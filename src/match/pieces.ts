// Bounded pieces of a long document, cut where no glossary phrase or context can reach across (a blank
// line, else a sentence end, else a line break), so matching cost stays linear in the document length.

const target = 32 * 1024
const limit = 4 * target

/** Find a cut in text[from, to): after a blank line, a sentence end or a line break; -1 if none. */
function cutBetween(text: string, from: number, to: number): number {
  const blank = text.indexOf('\n\n', from)
  if (blank !== -1 && blank < to) return blank + 2
  const sentence = /[.!?]["”’)\]]*\s/g
  sentence.lastIndex = from
  const end = sentence.exec(text)
  if (end && end.index < to) return end.index + end[0].length
  const line = text.indexOf('\n', from)
  if (line !== -1 && line < to) return line + 1
  return -1
}

/** Split `text` into [start, end) ranges of roughly 32 KiB each (one range for short texts). */
export function pieces(text: string): Array<[number, number]> {
  if (text.length <= limit) return [[0, text.length]]
  const out: Array<[number, number]> = []
  let start = 0
  while (text.length - start > limit) {
    let cut = cutBetween(text, start + target, start + limit)
    if (cut === -1) {
      // one enormous sentence: cut at whitespace (a phrase across this cut may be missed)
      const space = text.indexOf(' ', start + limit)
      cut = space === -1 ? text.length : space + 1
    }
    out.push([start, cut])
    start = cut
  }
  if (start < text.length) out.push([start, text.length])
  return out
}
