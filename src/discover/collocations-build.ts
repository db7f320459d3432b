// Building the collocation store from n-gram counts and a thesaurus: prune rare n-grams, number the
// vocabulary by frequency, sort the keys. Build side only (scripts/build-collocations.mjs, calibration).

import type {CollocationData} from './collocations.js'
import type {NgramCounts} from './ngram-counts.js'

export interface BuildOptions {
  /** keep words, bigrams and trigrams seen at least this often (default 2) */
  minCount?: number
  /** thesaurus neighbours of a vocabulary word (already restricted to the vocabulary) */
  neighbours?: (word: string, vocabulary: ReadonlySet<string>) => string[]
  provenance: string
}

function table(map: Map<string, number>, ids: Map<string, number>, v: number, min: number): [Float64Array, Uint32Array] {
  const entries: Array<[number, number]> = []
  for (const [key, count] of map) {
    if (count < min) continue
    let k = 0
    let known = true
    for (const word of key.split(' ')) {
      const id = ids.get(word)
      if (id === undefined) {
        known = false
        break
      }
      k = k * v + id
    }
    if (known) entries.push([k, count])
  }
  entries.sort((a, b) => a[0] - b[0])
  return [Float64Array.from(entries, (e) => e[0]), Uint32Array.from(entries, (e) => e[1])]
}

export function buildCollocationData(counts: NgramCounts, options: BuildOptions): CollocationData {
  const min = options.minCount ?? 2
  const words = [...counts.unigrams].filter(([, c]) => c >= min).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const ids = new Map(words.map(([w], i) => [w, i]))
  const v = words.length
  const [bigramKeys, bigramCounts] = table(counts.bigrams, ids, v, min)
  const [trigramKeys, trigramCounts] = table(counts.trigrams, ids, v, min)
  const vocabulary = new Set(ids.keys())
  const neighbourStart = new Uint32Array(v + 1)
  const neighbourIds: number[] = []
  words.forEach(([w], i) => {
    for (const n of options.neighbours?.(w, vocabulary) ?? []) neighbourIds.push(ids.get(n)!)
    neighbourStart[i + 1] = neighbourIds.length
  })
  return {
    provenance: options.provenance,
    words: words.map(([w]) => w),
    unigrams: Uint32Array.from(words, ([, c]) => c),
    tokens: counts.tokens,
    bigramKeys,
    bigramCounts,
    trigramKeys,
    trigramCounts,
    neighbourStart,
    neighbourIds: Uint32Array.from(neighbourIds)
  }
}
