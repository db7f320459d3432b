// Importer for plain two-column glossaries, `spun<TAB>canonical`, one pair a line: owns reading them
// into glossary entries. Lines starting with `#` are comments; blank lines are skipped; an optional
// first line `spun<TAB>canonical` is a header. Pure: text in, entries and explained rejects out; no I/O.

import type {ImportResult, RawEntry} from '../types.js'

export interface TsvOptions {
  /** file name, used for entry ids (`<file>:<line>`) and sources; default `glossary.tsv` */
  file?: string
}

const WORD = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u

/** Why `phrase` cannot be a variant or canonical, or undefined when it is a plain word sequence. */
function phraseProblem(phrase: string): string | undefined {
  if (phrase === '') return 'is empty'
  const bad = phrase.split(' ').find((word) => !WORD.test(word))
  return bad === undefined ? undefined : `has "${bad}", which is not a word (letters, digits, inner ' or -)`
}

function idPrefix(file: string): string {
  return file.toLowerCase().replace(/[^a-z0-9._:/-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'tsv'
}

/** Read a two-column `spun<TAB>canonical` glossary; unusable lines come back in `rejected` with the reason. */
export function parseTsv(text: string, options: Readonly<TsvOptions> = {}): ImportResult {
  const file = options.file ?? 'glossary.tsv'
  const prefix = idPrefix(file)
  const entries: RawEntry[] = []
  const rejected: ImportResult['rejected'] = []
  const seen = new Map<string, number>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  lines.forEach((raw, index) => {
    const line = index + 1
    const reject = (reason: string) => rejected.push({line, text: raw, reason})
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return
    const fields = raw.split('\t')
    if (fields.length !== 2) {
      return reject(fields.length === 1 ? 'no tab: expected spun<TAB>canonical' : `${fields.length} columns: expected spun<TAB>canonical`)
    }
    const [spun, canonical] = fields.map((f) => f.trim().replace(/\s+/g, ' ').replace(/’/g, "'")) as [string, string]
    if (line === 1 && /^spun$/i.test(spun) && /^canonical$/i.test(canonical)) return
    const spunProblem = phraseProblem(spun)
    if (spunProblem) return reject(`spun phrase ${spunProblem}`)
    const canonicalProblem = phraseProblem(canonical)
    if (canonicalProblem) return reject(`canonical phrase ${canonicalProblem}`)
    if (spun === canonical) return reject('spun phrase equals the canonical')
    const key = /\p{Lu}/u.test(spun) ? spun : spun.toLowerCase()
    const earlier = seen.get(key)
    if (earlier !== undefined) return reject(`spun phrase "${spun}" already defined on line ${earlier}`)
    seen.set(key, line)
    entries.push({
      id: `${prefix}:${line}`,
      canonical,
      variants: [spun],
      tier: 'certain',
      note: `Listed in ${file}.`,
      source: `${file}:${line}`
    })
  })
  return {entries, rejected}
}
