// Discovery: suspects from collocation statistics and a thesaurus (on a small built store and on the
// shipped one), the compact codec, and the analyze() options (report-only unless applySuspected).
import {describe, expect, it} from 'vitest'
import {analyze} from '../src/analyze.js'
import {buildCollocationData} from '../src/discover/collocations-build.js'
import {Collocations} from '../src/discover/collocations.js'
import {CollocationFile, decodeCollocations, encodeCollocations} from '../src/discover/collocations-codec.js'
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

  it('gives the spin score the same pair index from the file as from the store', () => {
    const c = store()
    const file = new CollocationFile(encodeCollocations(c.data))
    for (const min of [1, 2, 30]) {
      const fromFile = file.pairIndex(min)
      const fromStore = c.pairIndex(min)
      expect(fromFile.size).toBe(fromStore.size)
      expect(fromFile.size).toBe(c.data.words.filter((w) => c.count(w) >= min).length)
      for (const a of c.data.words)
        for (const b of c.data.words) {
          const [ia, ib] = [fromFile.id(a), fromFile.id(b)]
          expect(ia).toBe(fromStore.id(a))
          if (ia >= 0 && ib >= 0) expect(fromFile.has(ia, ib)).toBe(c.bigram(a, b) > 0)
        }
      const text = 'The officials held a background name with reporters. Her name was on the list of the committee.'
      expect(fromFile.signals(text)).toEqual(fromStore.signals(text))
    }
    expect(c.pairIndex(1).signals('the call came with')).toEqual({pairs: 3, unseen: 1})
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

  it("tries the glossary's one-word swaps as neighbours too", () => {
    // `reveals` → `shows` is listed in other glossary phrases; WordNet does not link the two
    const sentence = 'By the time the data clearly reveals a downturn, it is too late.'
    const [suspect, ...rest] = analyze(sentence, {discover: {scope: 'all'}}).changes.filter((c) => c.confidence === 'suspected')
    expect(rest).toEqual([])
    expect(suspect).toMatchObject({actual: 'clearly reveals a', expected: 'clearly shows a', ruleId: 'suspected:reveals>shows'})
    expect(suspect!.note).toContain('a swap the glossary lists in other phrases')
    // a glossary without that swap: no finding
    expect(analyze(sentence, {discover: {scope: 'all'}, bundled: false}).changes).toEqual([])
  })

  it('by default reports suspects only in documents judged spun', () => {
    expect(analyze(text, {discover: true}).changes.some((c) => c.confidence === 'suspected')).toBe(false)
  })
})
