// Importers of users' glossaries: Problematic Paper Screener CSV exports and two-column TSV.
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parsePpsCsv, readCsvRecords, readPpsQuery} from '../src/glossary/formats/pps-csv.js'
import {parseTsv} from '../src/glossary/formats/tsv.js'

const header = 'tortured_phrase,expected_phrase,num_papers\n'
/** Compact form of an import: `line: variants → canonical [context]` and `line ✗ reason`. */
const compact = (result: ReturnType<typeof parsePpsCsv>) => [
  ...result.entries.map(
    (e) => `${e.id}: ${e.variants.join(' | ')} → ${e.canonical}${e.context ? ' ' + JSON.stringify(e.context) : ''}`
  ),
  ...result.rejected.map((r) => `${r.line} ✗ ${r.reason}`)
]

describe('parsePpsCsv', () => {
  it('reads a simple row of the real export into a whole entry', () => {
    const result = parsePpsCsv(header + '"""counterfeit consciousness""",artificial intelligence,99\n', {file: 'pps.csv'})
    expect(result).toEqual({
      entries: [
        {
          id: 'pps.csv:2',
          canonical: 'artificial intelligence',
          variants: ['counterfeit consciousness'],
          tier: 'certain',
          note: 'Tortured phrase for "artificial intelligence" (Problematic Paper Screener fingerprint).',
          source: 'pps.csv:2 (99 papers)'
        }
      ],
      rejected: []
    })
  })

  it('translates or rejects the first rows of the real export, with reasons', () => {
    const csv =
      header +
      [
        '"""surface region"" AND ""surface area""",surface area,"42,682"',
        '"""grouping methods""",classification methods,"31,202"',
        '"""feedback processing""",back propagation (BP),"12,040"',
        '"""cadence design""",rythm pattern (?),"11,384"',
        '"""gatherings clustering""~10",clustering,"6,109"',
        '"""K-closest neighbors""",K-nearest neighbors,"5,563"',
        '"""synthetic intelligence (AI)""",artificial intelligence (AI),445',
        '"""randomized controlled preliminary"" NOT ""randomized controlled preliminary trial""",Randomized control trial (RCT),425',
        '"""exactness, review""","precision, recall",175',
        '"""fit record"" OR ""fit file"" AND ""fit index""",Fit Index,47',
        '"""engine literacy"" NOT ""search engine""",machine learning,16',
        '"""enhancement calculation"" AND optimiz*",optimization algorithm,754',
        '"""total national production"" ADN ""GDP""",gross domestic product,1',
        '"""affirmed recuperated demise"" OR ""affirmed recuperated passing""","confirmed, recovered and death (cases)",2'
      ].join('\n') +
      '\n'
    expect(compact(parsePpsCsv(csv, {file: 'pps-tortured-phrases.csv'}))).toEqual([
      'pps-tortured-phrases.csv:3: grouping methods → classification methods',
      'pps-tortured-phrases.csv:4: feedback processing → back propagation',
      'pps-tortured-phrases.csv:7: k-closest neighbors → k-nearest neighbors',
      'pps-tortured-phrases.csv:8: synthetic intelligence → artificial intelligence',
      'pps-tortured-phrases.csv:9: randomized controlled preliminary → randomized control trial {"notAfter":["trial"]}',
      'pps-tortured-phrases.csv:12: engine literacy → machine learning {"notBefore":["search"]}',
      '2 ✗ AND "surface area" is a document-level condition: cannot be expressed as word context',
      '5 ✗ expected phrase is uncertain (question mark)',
      '6 ✗ ~N proximity query: the words need not be adjacent, no phrase to match',
      '10 ✗ expected phrase lists several alternatives',
      '11 ✗ combined operators (OR, AND): cannot be expressed as word context',
      '13 ✗ * wildcard: no fixed phrase to match',
      '14 ✗ malformed query: no AND / OR / NOT between the phrases',
      '15 ✗ expected phrase lists several alternatives'
    ])
  })

  it('keeps the rejected row text and line for the user', () => {
    const {rejected} = parsePpsCsv(header + '"""cadence design""",rythm pattern (?),"11,384"\n')
    expect(rejected).toEqual([
      {line: 2, text: '"""cadence design""",rythm pattern (?),"11,384"', reason: 'expected phrase is uncertain (question mark)'}
    ])
  })

  it('turns OR into variants of one entry and AND with an extended phrase into context', () => {
    const csv =
      header +
      '"""counterfeit consciousness"" OR ""manufactured consciousness""",artificial intelligence,3\n' +
      '"""irregular woodland"" AND ""irregular woodland classifier""",random forest,2\n' +
      '"""bosom peril"" NOT ""the bosom peril""",breast cancer,1\n'
    expect(compact(parsePpsCsv(csv, {file: 'x.csv'}))).toEqual([
      'x.csv:2: counterfeit consciousness | manufactured consciousness → artificial intelligence',
      'x.csv:3: irregular woodland → random forest {"after":["classifier"]}',
      'x.csv:4: bosom peril → breast cancer {"notBefore":["the"]}'
    ])
  })

  it('reads quoted fields with commas, doubled quotes, line breaks and CRLF', () => {
    const csv =
      'tortured_phrase,expected_phrase,num_papers\r\n' +
      '"""huge information""","big data","8,451"\r\n' +
      '"""profound learning""","deep\r\nlearning",12\r\n' +
      '"""bosom peril""",breast cancer,"1,234"\r\n'
    const result = parsePpsCsv(csv, {file: 'crlf.csv'})
    expect(compact(result)).toEqual([
      'crlf.csv:2: huge information → big data',
      'crlf.csv:3: profound learning → deep learning',
      'crlf.csv:5: bosom peril → breast cancer'
    ])
    expect(result.entries[2]!.source).toBe('crlf.csv:5 (1234 papers)')
  })

  it('splits records exactly like RFC 4180', () => {
    expect(readCsvRecords('a,"b,c","d ""e"""\n"f\ng",,h').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b,c', 'd "e"']],
      [2, ['f\ng', '', 'h']]
    ])
    expect(readCsvRecords('"open,x\n').at(-1)!.unterminated).toBe(true)
  })

  it('works without a header, skips blank lines and a byte order mark', () => {
    const result = parsePpsCsv('\uFEFF"""huge information""",big data,1\n\n"""information mining""",data mining,2\n')
    expect(compact(result)).toEqual(['pps.csv:1: huge information → big data', 'pps.csv:3: information mining → data mining'])
  })

  it('finds columns by header name', () => {
    const csv = 'num_papers,expected_phrase,tortured_phrase\n5,big data,"""huge information"""\n'
    expect(compact(parsePpsCsv(csv, {file: 'cols.csv'}))).toEqual(['cols.csv:2: huge information → big data'])
  })

  it('rejects what it cannot use, never dropping a row silently', () => {
    const csv =
      header +
      [
        '"""huge information""",big data,1',
        '"""huge information""",big data,1',
        '"""big data""",big data,1',
        '"""neural organization""",,1',
        '"""neural organization""",neural network [layer] (in CNN),1',
        '"""fault acknowledgment""",fault detection/diagnosis,1',
        'only one column',
        '"""information mining"" AND",data mining,1',
        'surface region,surface area,1',
        '"""arbitrary woodland",random forest,1',
        '"never closed,big data,1'
      ].join('\n')
    expect(compact(parsePpsCsv(csv, {file: 'bad.csv'}))).toEqual([
      'bad.csv:2: huge information → big data',
      '3 ✗ tortured phrase "huge information" already imported from line 2',
      '4 ✗ tortured phrase equals the expected phrase',
      '5 ✗ empty expected phrase',
      '6 ✗ expected phrase has optional or explanatory words in brackets',
      '7 ✗ expected phrase lists several alternatives',
      '8 ✗ needs at least two columns: tortured phrase, expected phrase',
      '9 ✗ malformed query: phrases and operators do not alternate',
      '10 ✗ unquoted words: the PPS reads them as separate words, not a phrase',
      '11 ✗ unbalanced quotes in the query',
      '12 ✗ unterminated quoted field'
    ])
  })

  it('treats one tortured phrase restored two ways as ambiguous and uses neither row', () => {
    const csv =
      header +
      '"""simulated intelligence""",artificial intelligence,40\n' +
      '"""simulated intelligence (ML)""",machine learning (ML),3\n' +
      '"""counterfeit consciousness"" OR ""man-made consciousness""",artificial intelligence,9\n' +
      '"""man-made consciousness""",machine consciousness,1\n' +
      '"""counterfeit consciousness""",Artificial Intelligence,2\n'
    expect(compact(parsePpsCsv(csv, {file: 'amb.csv'}))).toEqual([
      'amb.csv:4: counterfeit consciousness → artificial intelligence',
      '2 ✗ ambiguous: line 3 restores "simulated intelligence" as "machine learning"',
      '3 ✗ ambiguous: line 2 restores "simulated intelligence" as "artificial intelligence"',
      '4 ✗ ambiguous: line 5 restores "man-made consciousness" as "machine consciousness" (its other phrases are used: amb.csv:4)',
      '5 ✗ ambiguous: line 4 restores "man-made consciousness" as "artificial intelligence"',
      '6 ✗ tortured phrase "counterfeit consciousness" already imported from line 4'
    ])
  })

  it('derives stable, valid ids from the file name', () => {
    const csv = header + '"""huge information""",big data,1\n'
    expect(parsePpsCsv(csv, {file: 'My Terms (2024).CSV'}).entries[0]!.id).toBe('my-terms-2024-.csv:2')
    expect(parsePpsCsv(csv).entries[0]!.id).toBe('pps.csv:2')
  })

  it('reads the whole shipped export: every row is an entry or an explained reject', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..')
    const text = readFileSync(join(root, 'data/pps-tortured-phrases.csv'), 'utf8')
    const result = parsePpsCsv(text, {file: 'pps-tortured-phrases.csv'})
    const lines = new Set([...result.entries.map((e) => Number(e.id.split(':')[1])), ...result.rejected.map((r) => r.line)])
    expect(lines.size).toBe(7644)
    expect(result.entries.length).toBeGreaterThan(6000)
    expect(result.rejected.every((r) => r.reason.length > 0 && r.line >= 2 && r.text.length > 0)).toBe(true)
    const ids = new Set(result.entries.map((e) => e.id))
    expect(ids.size).toBe(result.entries.length)
    for (const e of result.entries) {
      expect(e.variants.every((v) => /^\S+(?: \S+)*$/.test(v))).toBe(true)
      expect(e.canonical.toLowerCase()).not.toBe(e.variants[0]!.toLowerCase())
    }
  })
})

describe('readPpsQuery', () => {
  it('reads the query forms it can translate', () => {
    expect(readPpsQuery('"counterfeit consciousness"')).toEqual({phrases: ['counterfeit consciousness']})
    expect(readPpsQuery('bosom')).toEqual({phrases: ['bosom']})
    expect(readPpsQuery('"a b" OR "c d" OR "e f"')).toEqual({phrases: ['a b', 'c d', 'e f']})
    expect(readPpsQuery('"android versatile" NOT "paranoid android"')).toEqual({
      phrases: ['android versatile'],
      context: {notBefore: ['paranoid']}
    })
  })

  it('explains the forms it cannot', () => {
    expect(readPpsQuery('"surface highlights" NOT specular')).toEqual({
      reason: 'NOT "specular" is a document-level condition: cannot be expressed as word context'
    })
    expect(readPpsQuery('"corridor impact" AND ("magnetic" OR "voltage")')).toEqual({
      reason: 'grouped AND/OR query: cannot be expressed as word context'
    })
    expect(readPpsQuery('')).toEqual({reason: 'empty tortured phrase'})
    expect(readPpsQuery('NOT "x"')).toEqual({reason: 'query starts with the operator NOT'})
  })
})

describe('parseTsv', () => {
  it('reads spun<TAB>canonical pairs into whole entries', () => {
    expect(parseTsv('counterfeit consciousness\tartificial intelligence\n', {file: 'mine.tsv'})).toEqual({
      entries: [
        {
          id: 'mine.tsv:1',
          canonical: 'artificial intelligence',
          variants: ['counterfeit consciousness'],
          tier: 'certain',
          note: 'Listed in mine.tsv.',
          source: 'mine.tsv:1'
        }
      ],
      rejected: []
    })
  })

  it('skips comments, blank lines and a header; keeps line numbers; handles CRLF and a BOM', () => {
    const tsv = '\uFEFFspun\tcanonical\r\n# tortured phrases\r\n\r\nbosom peril\tbreast cancer\r\n  # indented comment\r\nWhite Home\tWhite House\r\n'
    expect(compact(parseTsv(tsv, {file: 'g.tsv'}))).toEqual(['g.tsv:4: bosom peril → breast cancer', 'g.tsv:6: White Home → White House'])
  })

  it('rejects malformed rows with a reason', () => {
    const tsv = [
      'huge information\tbig data',
      'no tab here',
      'a\tb\tc',
      '\tbig data',
      'huge data\t',
      'big, data\tbig data',
      'big data\tbig data',
      'huge information\tlarge data',
      'HUGE information\tbig data'
    ].join('\n')
    expect(compact(parseTsv(tsv, {file: 't.tsv'}))).toEqual([
      't.tsv:1: huge information → big data',
      't.tsv:9: HUGE information → big data',
      '2 ✗ no tab: expected spun<TAB>canonical',
      '3 ✗ 3 columns: expected spun<TAB>canonical',
      '4 ✗ spun phrase is empty',
      '5 ✗ canonical phrase is empty',
      '6 ✗ spun phrase has "big,", which is not a word (letters, digits, inner \' or -)',
      '7 ✗ spun phrase equals the canonical',
      '8 ✗ spun phrase "huge information" already defined on line 1'
    ])
  })

  it('collapses runs of spaces and reads curly apostrophes as straight ones', () => {
    expect(parseTsv('White  Home’s   staff\tWhite House staff').entries[0]!.variants).toEqual(["White Home's staff"])
  })

  it('returns nothing for empty input', () => {
    expect(parseTsv('')).toEqual({entries: [], rejected: []})
    expect(parsePpsCsv('')).toEqual({entries: [], rejected: []})
  })
})
