// The collocation store used at run time: word frequencies, bigram and trigram counts of clean
// English and each word's thesaurus neighbours, held in sorted typed arrays (binary search, no maps of
// strings beyond the vocabulary). Built by scripts/build-collocations.mjs; see docs/discovery.md.

import {PairIndex} from './pair-index.js'

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
  private readonly pairIndexes = new Map<number, PairIndex>()

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
    return ia === undefined || ib === undefined ? 0 : this.bigramOf(ia, ib)
  }

  trigram(a: string, b: string, c: string): number {
    const ia = this.ids.get(a)
    const ib = this.ids.get(b)
    const ic = this.ids.get(c)
    return ia === undefined || ib === undefined || ic === undefined ? 0 : this.trigramOf(ia, ib, ic)
  }

  /** Count of word id `i`. */
  countOf(i: number): number {
    return this.data.unigrams[i]!
  }

  /** Count of the bigram of word ids. */
  bigramOf(a: number, b: number): number {
    const at = find(this.data.bigramKeys, a * this.data.words.length + b)
    return at < 0 ? 0 : this.data.bigramCounts[at]!
  }

  /** Count of the trigram of word ids. */
  trigramOf(a: number, b: number, c: number): number {
    const v = this.data.words.length
    const at = find(this.data.trigramKeys, (a * v + b) * v + c)
    return at < 0 ? 0 : this.data.trigramCounts[at]!
  }

  /** Word ids of the thesaurus neighbours of word id `i`. */
  neighbourIdsOf(i: number): Uint32Array {
    return this.data.neighbourIds.subarray(this.data.neighbourStart[i]!, this.data.neighbourStart[i + 1]!)
  }

  /** The spin score's index of these statistics: words seen at least `minWordCount` times, their bigrams. */
  pairIndex(minWordCount = 3): PairIndex {
    let index = this.pairIndexes.get(minWordCount)
    if (index) return index
    const {words, unigrams, bigramKeys} = this.data
    let size = 0
    while (size < words.length && unigrams[size]! >= minWordCount) size++
    const v = words.length
    const first = Uint32Array.from(bigramKeys, (key) => Math.floor(key / v))
    const second = Uint32Array.from(bigramKeys, (key, k) => key - first[k]! * v)
    index = new PairIndex(words.slice(0, size).join('\n'), size, first, second)
    this.pairIndexes.set(minWordCount, index)
    return index
  }

  word(i: number): string {
    return this.data.words[i]!
  }

  /** Thesaurus neighbours of a surface word (same inflection), in the vocabulary. */
  neighbours(word: string): string[] {
    const id = this.ids.get(word)
    return id === undefined ? [] : Array.from(this.neighbourIdsOf(id), (n) => this.data.words[n]!)
  }
}
