// Carrying the casing and apostrophe style of the replaced text over to the canonical form:
// sentence-start capitals, Title Case, UPPER CASE, proper nouns kept, ’ vs '.

const letters = /\p{L}/u
const isUpper = (s: string) => s !== s.toLowerCase() && s === s.toUpperCase()
const capitalised = (word: string) => {
  const first = word.match(letters)?.[0]
  return first !== undefined && isUpper(first)
}
const smallWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])

function capitaliseFirst(text: string): string {
  return text.replace(letters, (c) => c.toUpperCase())
}

/**
 * The replacement for `actual` (the spun text found) given the entry's `canonical`.
 * `caseSensitive` entries (variants written with capitals) use the canonical as written.
 */
export function restoreCasing(actual: string, canonical: string, caseSensitive: boolean): string {
  let out = canonical
  // most spun text found is lower case: then the canonical stands as written (only apostrophes follow)
  if (!caseSensitive && actual !== actual.toLowerCase()) {
    const words = actual.split(/\s+/).filter((w) => letters.test(w))
    const letterCount = actual.replace(/[^\p{L}]/gu, '').length
    if (letterCount > 1 && isUpper(actual.replace(/[^\p{L}]/gu, ''))) {
      out = canonical.toUpperCase()
    } else if (words.length > 0 && capitalised(words[0]!)) {
      const title = words.length > 1 && words.every((w, i) => capitalised(w) || (i > 0 && smallWords.has(w.toLowerCase())))
      out = title
        ? canonical
            .split(' ')
            .map((w, i) => (i > 0 && smallWords.has(w) ? w : capitaliseFirst(w)))
            .join(' ')
        : capitaliseFirst(canonical)
    }
    out = keepWordCasing(actual, out)
  }
  // apostrophe style follows the text
  if (actual.includes('’')) out = out.replace(/'/g, '’')
  else if (actual.includes("'")) out = out.replace(/’/g, "'")
  return out
}

/** A canonical word that also stands in the spun text keeps the text's casing (template members, names). */
function keepWordCasing(actual: string, replacement: string): string {
  const original = new Map<string, string>()
  // the first word's capital may only mark a sentence start: it is carried over by the caller
  for (const word of actual.split(/\s+/).slice(1)) {
    const key = word.toLowerCase().replace(/’/g, "'")
    if (word !== key && !original.has(key)) original.set(key, word)
  }
  if (original.size === 0) return replacement
  return replacement
    .split(' ')
    .map((w) => {
      const found = original.get(w.toLowerCase().replace(/’/g, "'"))
      return found !== undefined && w === w.toLowerCase() ? found : w
    })
    .join(' ')
}
