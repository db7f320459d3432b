// Discovery: suspects from collocation statistics and a thesaurus (on a small built store and on the
// shipped one), the compact codec, and the analyze() options (report-only unless applySuspected).
import {describe, expect, it} from 'vitest'
import {analyze} from '../src/analyze.js'
import {buildCollocationData} from '../src/discover/collocations-build.js'
import {Collocations} from '../src/discover/collocations.js'
import {decodeCollocations, encodeCollocations} from '../src/discover/collocations-codec.js'
import {addText, emptyCounts} from '../src/discover/ngram-counts.js'
import {findSuspects} from '../src/discover/suspects.js'

const thesaurus: Record<string, string[]> = {name: ['call', 'title'], call: ['name'], strong: ['powerful'], powerful: ['strong']}
const corpusText = [
  ...Array.from({length: 30}, () => 'The officials held a background call with reporters.'),
  ...Array.from({length: 30}, () => 'Her name was on the list of the committee.'),
  ...Array.from({length: 10}, () => 'A strong economy needs a powerful engine and a title.'),
  'The call came late. A reporter gave a name.'
].join('\n')

function store(): Collocations {
  const counts = emptyCounts()
  addText(counts, corpusText)
  return new Collocations(
    buildCollocationData(counts, {
      provenance: 'test',
      minCount: 1,
      neighbours: (word, vocabulary) => (thesaurus[word] ?? []).filter((n) => vocabulary.has(n))
    })
  )
}

describe('findSuspects', () => {
  const c = store()

  it('flags a word unseen in its context whose neighbour is a common collocation there', () => {
    const text = 'They held a background name with reporters.'
    const [s, ...rest] = findSuspects(text, c, {minGain: 1, minSupport: 2})
    expect(rest).toEqual([])
    expect(s).toMatchObject({word: 'name', neighbour: 'call', actual: 'background name with', expected: 'background call with'})
    expect(text.slice(s!.start, s!.end)).toBe(s!.actual)
  })

  it('leaves familiar text, names and words without a better neighbour alone', () => {
    expect(findSuspects('They held a background call with reporters.', c, {minGain: 1, minSupport: 2})).toEqual([])
    expect(findSuspects('They held a background Name with reporters.', c, {minGain: 1, minSupport: 2})).toEqual([])
    expect(findSuspects('They held a background list with reporters.', c, {minGain: 1, minSupport: 2})).toEqual([])
  })

  it('keeps the casing of the text in the suggestion', () => {
    const [s] = findSuspects('Background name with reporters.', c, {minGain: 1, minSupport: 2})
    expect(s?.expected).toBe('Background call with')
    const [t] = findSuspects('A background. Name with reporters.', c, {minGain: 1, minSupport: 2})
    expect(t?.expected).toBe('Call with')
  })
})

describe('collocation codec', () => {
  it('round-trips the store', () => {
    const data = store().data
    const back = decodeCollocations(encodeCollocations(data))
    expect(back.words).toEqual(data.words)
    expect([...back.bigramKeys]).toEqual([...data.bigramKeys])
    expect([...back.trigramCounts]).toEqual([...data.trigramCounts])
    expect([...back.neighbourIds]).toEqual([...data.neighbourIds])
    const c = new Collocations(back)
    expect(c.bigram('background', 'call')).toBe(30)
    expect(c.trigram('a', 'background', 'call')).toBe(30)
    expect(c.neighbours('name')).toEqual(['call', 'title'])
  })
})

describe('analyze with discovery', {timeout: 120_000}, () => {
  const text = 'Ms. Lane said the plan would work. Later she stated it would be ready by March.'

  it('reports suspects without applying them, and applies them on request', () => {
    expect(analyze(text).changes.some((c) => c.confidence === 'suspected')).toBe(false)
    const report = analyze(text, {discover: {scope: 'all'}})
    const suspect = report.changes.find((c) => c.confidence === 'suspected')!
    expect(suspect).toMatchObject({actual: 'she stated it', expected: 'she said it', source: 'discovery'})
    expect(report.text).toBe(text)
    expect(analyze(text, {discover: {scope: 'all'}, applySuspected: true}).text).toContain('she said it')
  })

  it('by default reports suspects only in documents judged spun', () => {
    expect(analyze(text, {discover: true}).changes.some((c) => c.confidence === 'suspected')).toBe(false)
  })
})
