// English inflection for glossary entries: verb forms (-s, past, -ing) of a phrase's first word and
// plurals of its last word. Regular rules here; irregular forms come from dictionaries/lexicon/irregular.yml.

import type {InflectForm} from './types.js'

export interface Irregulars {
  /** base → [third person -s, past, past participle, -ing] */
  verbs: Record<string, [string, string, string, string]>
  /** singular → plural */
  nouns: Record<string, string>
}

const consonantVowelConsonant = /^[^aeiou]*[aeiou][^aeiouwxy]$/

/** Third-person singular of a regular verb. */
function verbS(word: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** Does a one-syllable verb double its final consonant (stop → stopped)? */
function doubles(word: string): boolean {
  return consonantVowelConsonant.test(word) && (word.match(/[aeiou]+/g) ?? []).length === 1
}

function verbEd(word: string): string {
  if (word.endsWith('e')) return word + 'd'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ied'
  if (doubles(word)) return word + word.at(-1) + 'ed'
  return word + 'ed'
}

function verbIng(word: string): string {
  if (word.endsWith('ie')) return word.slice(0, -2) + 'ying'
  if (word.endsWith('e') && !/(ee|ye|oe)$/.test(word) && word.length > 2) return word.slice(0, -1) + 'ing'
  if (doubles(word)) return word + word.at(-1) + 'ing'
  return word + 'ing'
}

/** Plural of a regular noun. */
function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return word + 'es'
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** Keep the capitalisation pattern of `model` on `word` (Title, UPPER or as is). */
function likeCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase()
  if (model[0] && model[0] !== model[0].toLowerCase()) return word[0]!.toUpperCase() + word.slice(1)
  return word
}

/** Forms of one word: verb `s` | `ed` | `ing`, or noun `plural`. Returns several for `ed` (past, participle). */
export function inflectWord(word: string, form: InflectForm, irregulars: Irregulars): string[] {
  const lower = word.toLowerCase()
  let out: string[]
  if (form === 'plural') {
    out = [irregulars.nouns[lower] ?? plural(lower)]
  } else {
    const irregular = irregulars.verbs[lower]
    if (form === 's') out = [irregular ? irregular[0] : verbS(lower)]
    else if (form === 'ing') out = [irregular ? irregular[3] : verbIng(lower)]
    else out = irregular ? [...new Set([irregular[1], irregular[2]])] : [verbEd(lower)]
  }
  return out.map((w) => likeCase(word, w))
}

/** Words of a phrase (single spaces, as glossary phrases are written). */
const words = (phrase: string) => phrase.split(' ')

/**
 * Inflect a variant/canonical pair together: verbs change the first word, nouns the last.
 * Returns pairs [variantForm, canonicalForm]; the past yields past and participle when they differ.
 */
export function inflectPair(
  variant: string,
  canonical: string,
  forms: InflectForm[],
  irregulars: Irregulars
): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  for (const form of forms) {
    const at = (list: string[]) => (form === 'plural' ? list.length - 1 : 0)
    const v = words(variant)
    const c = words(canonical)
    const vForms = inflectWord(v[at(v)]!, form, irregulars)
    const cForms = inflectWord(c[at(c)]!, form, irregulars)
    const n = Math.max(vForms.length, cForms.length)
    for (let k = 0; k < n; k++) {
      const vv = [...v]
      const cc = [...c]
      vv[at(v)] = vForms[Math.min(k, vForms.length - 1)]!
      cc[at(c)] = cForms[Math.min(k, cForms.length - 1)]!
      pairs.push([vv.join(' '), cc.join(' ')])
    }
  }
  return pairs
}

/** The forms an `inflect` value stands for. */
export function inflectForms(value: 'noun' | 'verb' | InflectForm[] | undefined): InflectForm[] {
  if (value === undefined) return []
  if (value === 'noun') return ['plural']
  if (value === 'verb') return ['s', 'ed', 'ing']
  return value
}

export const knownForms: ReadonlySet<string> = new Set(['s', 'ed', 'ing', 'plural'])
