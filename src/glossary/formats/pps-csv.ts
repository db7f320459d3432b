// Importer for Problematic Paper Screener CSV exports (tortured_phrase, expected_phrase, num_papers):
// owns CSV reading (RFC 4180 quoting, CRLF, header detection) and the translation of PPS fingerprint
// queries into glossary entries. Pure: text in, entries and explained rejects out; no I/O.

import type {ImportResult, RawContext, RawEntry} from '../types.js'

export interface PpsCsvOptions {
  /** file name, used for entry ids (`<file>:<line>`) and sources; default `pps.csv` */
  file?: string
}

/** A CSV record with the line number it starts on (1-based). */
interface CsvRecord {
  line: number
  fields: string[]
  text: string
  /** a quoted field was still open at the end of the text */
  unterminated: boolean
}

const WORD = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u

/** Split CSV text into records: quoted fields may hold commas, doubled quotes and line breaks. */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 0
  let startLine = 1
  const end = (at: number) => {
    fields.push(field)
    records.push({line: startLine, fields, text: text.slice(start, at), unterminated: false})
    fields = []
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      end(i)
      if (c === '\r' && text[i + 1] === '\n') i++
      line++
      start = i + 1
      startLine = line
    } else field += c
  }
  if (quoted || field !== '' || fields.length > 0) {
    end(text.length)
    records[records.length - 1]!.unterminated = quoted
  }
  return records
}

/** A plain word sequence the matcher can use as a variant (words separated by single spaces). */
function isWords(phrase: string): boolean {
  return phrase !== '' && phrase.split(' ').every((word) => WORD.test(word))
}

/** "synthetic intelligence (AI)" → "synthetic intelligence": a trailing acronym gloss is not part of the phrase. */
function stripAcronym(phrase: string): string {
  const s = phrase.trim()
  const open = s.lastIndexOf('(')
  if (!s.endsWith(')') || open <= 0) return s
  const gloss = s.slice(open + 1, -1)
  return /^[^()\s]{1,12}$/u.test(gloss) && /\p{Lu}/u.test(gloss) ? s.slice(0, open).trim() : s
}

/** PPS phrases are case-insensitive searches: lower-case them unless a word has an inner capital (CNN, mRNA). */
function variantCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => (word.split('-').some((part) => /\p{Lu}/u.test(part.slice(1))) ? word : word.toLowerCase()))
    .join(' ')
}

type Query = {phrases: string[]; context?: RawContext} | {reason: string}

/**
 * Read a PPS fingerprint query. Translated: `"A"`, `"A" OR "B"` (two variants), `"A" NOT "P A"` /
 * `"A" NOT "A S"` (notBefore / notAfter; also when the excluded phrase only overlaps an end of A, as in
 * `"engine literacy" NOT "search engine"`), `"A" AND "P A"` / `"A" AND "A S"` (before / after).
 * Document-level AND / NOT terms, `~N` proximity, `*` wildcards and groups have no word-context equivalent.
 */
export function readPpsQuery(query: string): Query {
  const q = query.trim()
  if (q === '') return {reason: 'empty tortured phrase'}
  if (/"\s*~\s*\d+/.test(q)) return {reason: '~N proximity query: the words need not be adjacent, no phrase to match'}
  if (q.includes('*')) return {reason: '* wildcard: no fixed phrase to match'}
  if (/[()]/.test(q.replace(/"[^"]*"/g, ''))) return {reason: 'grouped AND/OR query: cannot be expressed as word context'}
  const tokens: Array<{phrase: string} | {op: 'AND' | 'OR' | 'NOT'}> = []
  const re = /\s*(?:"([^"]*)"|(AND|OR|NOT)(?=\s|"|$)|([^\s"]+))/gy
  let m: RegExpExecArray | null
  let rest = q
  while (re.lastIndex < q.length && (m = re.exec(q)) !== null) {
    if (m[1] !== undefined) tokens.push({phrase: m[1].replace(/\s+/g, ' ').trim()})
    else if (m[2] !== undefined) tokens.push({op: m[2] as 'AND' | 'OR' | 'NOT'})
    else tokens.push({phrase: m[3]!})
    rest = q.slice(re.lastIndex)
  }
  if (rest.trim() !== '' || tokens.length === 0) return {reason: 'unbalanced quotes in the query'}
  const first = tokens[0]!
  if (!('phrase' in first)) return {reason: `query starts with the operator ${first.op}`}
  if (tokens.length === 1) return {phrases: [first.phrase]}
  // unquoted words mean "all these words" to the PPS, not a phrase
  if (tokens.every((token) => 'phrase' in token)) {
    return {reason: q.includes('"') ? 'malformed query: no AND / OR / NOT between the phrases' : 'unquoted words: the PPS reads them as separate words, not a phrase'}
  }
  const phrases: string[] = []
  const ops: string[] = []
  tokens.forEach((token, i) => {
    if (i % 2 === 0 && 'phrase' in token) phrases.push(token.phrase)
    else if (i % 2 === 1 && 'op' in token) ops.push(token.op)
    else ops.push('?')
  })
  if (ops.includes('?') || phrases.length !== ops.length + 1) return {reason: 'malformed query: phrases and operators do not alternate'}
  if (ops.every((op) => op === 'OR')) return {phrases}
  if (ops.length > 1) return {reason: `combined operators (${ops.join(', ')}): cannot be expressed as word context`}
  const op = ops[0]!
  const a = first.phrase.toLowerCase().split(' ')
  const b = phrases[1]!.toLowerCase().split(/\s+/)
  const at = indexOfWords(b, a)
  if (op === 'NOT' && at < 0) {
    // the excluded phrase overlaps an end of A: "engine literacy" NOT "search engine" → not after "search"
    for (let k = Math.min(a.length, b.length) - 1; k >= 1; k--) {
      if (b.slice(-k).join(' ') === a.slice(0, k).join(' ')) return {phrases: [first.phrase], context: {notBefore: [b.slice(0, -k).join(' ')]}}
      if (b.slice(0, k).join(' ') === a.slice(-k).join(' ')) return {phrases: [first.phrase], context: {notAfter: [b.slice(k).join(' ')]}}
    }
  }
  if (at < 0 || b.length === a.length) {
    return {reason: `${op} "${phrases[1]}" is a document-level condition: cannot be expressed as word context`}
  }
  const before = b.slice(0, at).join(' ')
  const after = b.slice(at + a.length).join(' ')
  if (op === 'NOT') {
    return {phrases: [first.phrase], context: {...(before ? {notBefore: [before]} : {}), ...(after ? {notAfter: [after]} : {})}}
  }
  if (before && after) return {reason: `AND "${phrases[1]}" on both sides: cannot be expressed as word context`}
  return {phrases: [first.phrase], context: before ? {before: [before]} : {after: [after]}}
}

function indexOfWords(hay: string[], needle: string[]): number {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((word, j) => hay[i + j] === word)) return i
  }
  return -1
}

/** Read the expected phrase: one plain phrase, or a reason why it cannot be a canonical form. */
export function readExpected(raw: string): {canonical: string} | {reason: string} {
  const s = stripAcronym(raw.replace(/\s+/g, ' ').trim())
  if (s === '') return {reason: 'empty expected phrase'}
  if (s.includes('?')) return {reason: 'expected phrase is uncertain (question mark)'}
  if (/[/;|,]|\s(?:or|OR)\s/.test(s)) return {reason: 'expected phrase lists several alternatives'}
  if (/[()[\]]/.test(s)) return {reason: 'expected phrase has optional or explanatory words in brackets'}
  const canonical = s.replace(/’/g, "'")
  if (!isWords(canonical)) return {reason: 'expected phrase is not a plain word sequence'}
  return {canonical: sentenceCaseToLower(canonical)}
}

/**
 * "Machine learning" → "machine learning": a capital only at the start of a multi-word phrase is sentence
 * case, and a canonical with capitals would keep them mid-sentence. Names and Title Case stay as written.
 */
function sentenceCaseToLower(phrase: string): string {
  const [first, ...rest] = phrase.split(' ')
  if (rest.length === 0 || !/^\p{Lu}[\p{Ll}'-]+$/u.test(first!) || rest.some((w) => w !== w.toLowerCase())) return phrase
  return [first!.toLowerCase(), ...rest].join(' ')
}

function idPrefix(file: string): string {
  return file.toLowerCase().replace(/[^a-z0-9._:/-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'pps'
}

function isHeader(fields: string[]): boolean {
  return fields.some((f) => /^\s*(tortured|expected)[ _]?phrase\s*$/i.test(f))
}

/** Read a Problematic Paper Screener CSV export into glossary entries; unusable rows come back in `rejected`. */
export function parsePpsCsv(text: string, options: Readonly<PpsCsvOptions> = {}): ImportResult {
  const file = options.file ?? 'pps.csv'
  const prefix = idPrefix(file)
  const records = readCsvRecords(text.replace(/^\uFEFF/, ''))
  const entries: RawEntry[] = []
  const rejected: ImportResult['rejected'] = []
  /** every variant imported so far (lower case), with the row and entry it came from */
  const seen = new Map<string, {line: number; text: string; canonical: string; entry: RawEntry}>()
  const withdrawn = new Set<RawEntry>()
  let columns = {tortured: 0, expected: 1, papers: 2}
  records.forEach((record, index) => {
    const reject = (reason: string) => rejected.push({line: record.line, text: record.text, reason})
    if (record.fields.every((f) => f.trim() === '')) return
    if (index === 0 && isHeader(record.fields)) {
      const find = (re: RegExp, fallback: number) => {
        const at = record.fields.findIndex((f) => re.test(f))
        return at < 0 ? fallback : at
      }
      columns = {tortured: find(/tortured/i, 0), expected: find(/expected/i, 1), papers: find(/papers/i, 2)}
      return
    }
    if (record.unterminated) return reject('unterminated quoted field')
    const query = record.fields[columns.tortured]
    const expected = record.fields[columns.expected]
    if (query === undefined || expected === undefined) return reject('needs at least two columns: tortured phrase, expected phrase')
    const read = readPpsQuery(query)
    if ('reason' in read) return reject(read.reason)
    const exp = readExpected(expected)
    if ('reason' in exp) return reject(exp.reason)
    const variants: string[] = []
    for (const phrase of read.phrases) {
      const variant = variantCase(stripAcronym(phrase.replace(/’/g, "'")))
      if (!isWords(variant)) return reject(`tortured phrase "${phrase}" is not a plain word sequence`)
      if (variant.toLowerCase() === exp.canonical.toLowerCase()) return reject('tortured phrase equals the expected phrase')
      const earlier = seen.get(variant.toLowerCase())
      if (earlier && earlier.canonical.toLowerCase() === exp.canonical.toLowerCase()) {
        return reject(`tortured phrase "${variant}" already imported from line ${earlier.line}`)
      }
      if (earlier) {
        // the same tortured phrase restored two ways is ambiguous: neither row is used for it
        const entry = earlier.entry
        if (!withdrawn.has(entry) && entry.variants.some((v) => v.toLowerCase() === variant.toLowerCase())) {
          entry.variants = entry.variants.filter((v) => v.toLowerCase() !== variant.toLowerCase())
          if (entry.variants.length === 0) withdrawn.add(entry)
          const rest = entry.variants.length > 0 ? ` (its other phrases are used: ${entry.id})` : ''
          rejected.push({
            line: earlier.line,
            text: earlier.text,
            reason: `ambiguous: line ${record.line} restores "${variant}" as "${exp.canonical}"${rest}`
          })
        }
        return reject(`ambiguous: line ${earlier.line} restores "${variant}" as "${earlier.canonical}"`)
      }
      if (!variants.includes(variant)) variants.push(variant)
    }
    const papers = (record.fields[columns.papers] ?? '').replace(/[,\s]/g, '')
    const entry: RawEntry = {
      id: `${prefix}:${record.line}`,
      canonical: exp.canonical,
      variants,
      tier: 'certain',
      note: `Tortured phrase for "${exp.canonical}" (Problematic Paper Screener fingerprint).`,
      source: `${file}:${record.line}${/^\d+$/.test(papers) ? ` (${papers} papers)` : ''}`
    }
    if (read.context) entry.context = read.context
    for (const v of variants) seen.set(v.toLowerCase(), {line: record.line, text: record.text, canonical: exp.canonical, entry})
    entries.push(entry)
  })
  return {entries: entries.filter((e) => !withdrawn.has(e)), rejected: rejected.sort((a, b) => a.line - b.line)}
}
