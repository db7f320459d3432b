// The collocation store used at run time: word frequencies, bigram and trigram counts of clean
// English and each word's thesaurus neighbours, held in sorted typed arrays (binary search, no maps of
// strings beyond the vocabulary). Built by scripts/build-collocations.mjs; see docs/discovery.md.

export interface CollocationData {
  /** how the statistics were built (corpora, thresholds, date) */
  provenance: string
  /** vocabulary, most frequent first */
  words: string[]
  /** count of each word */
  unigrams: Uint32Array
  /** tokens in the corpora */
  tokens: number
  /** bigram keys id1 * V + id2, ascending */
  bigramKeys: Float64Array
  bigramCounts: Uint32Array
  /** trigram keys (id1 * V + id2) * V + id3, ascending */
  trigramKeys: Float64Array
  trigramCounts: Uint32Array
  /** neighbours of word i: neighbourIds[neighbourStart[i] .. neighbourStart[i + 1]) */
  neighbourStart: Uint32Array
  neighbourIds: Uint32Array
}

function find(keys: Float64Array, key: number): number {
  let lo = 0
  let hi = keys.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const k = keys[mid]!
    if (k === key) return mid
    if (k < key) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

export class Collocations {
  readonly data: CollocationData
  private readonly ids: Map<string, number>

  constructor(data: CollocationData) {
    this.data = data
    this.ids = new Map(data.words.map((w, i) => [w, i]))
  }

  get tokens(): number {
    return this.data.tokens
  }

  id(word: string): number | undefined {
    return this.ids.get(word)
  }

  /** Corpus frequency of a (normalised) word; 0 when unknown. */
  count(word: string): number {
    const id = this.ids.get(word)
    return id === undefined ? 0 : this.data.unigrams[id]!
  }

  bigram(a: string, b: string): number {
    const ia = this.ids.get(a)
    const ib = this.ids.get(b)
    if (ia === undefined || ib === undefined) return 0
    const at = find(this.data.bigramKeys, ia * this.data.words.length + ib)
    return at < 0 ? 0 : this.data.bigramCounts[at]!
  }

  trigram(a: string, b: string, c: string): number {
    const ia = this.ids.get(a)
    const ib = this.ids.get(b)
    const ic = this.ids.get(c)
    if (ia === undefined || ib === undefined || ic === undefined) return 0
    const v = this.data.words.length
    const at = find(this.data.trigramKeys, (ia * v + ib) * v + ic)
    return at < 0 ? 0 : this.data.trigramCounts[at]!
  }

  /** Thesaurus neighbours of a surface word (same inflection), in the vocabulary. */
  neighbours(word: string): string[] {
    const id = this.ids.get(word)
    if (id === undefined) return []
    const {neighbourStart, neighbourIds, words} = this.data
    const out: string[] = []
    for (let k = neighbourStart[id]!; k < neighbourStart[id + 1]!; k++) out.push(words[neighbourIds[k]!]!)
    return out
  }

  /** Expected count of the bigram if its words were independent. */
  expectedBigram(a: string, b: string): number {
    return (this.count(a) * this.count(b)) / Math.max(1, this.data.tokens)
  }
}
