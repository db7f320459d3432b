// The glossary's vocabulary (every normalised word of every spun form) with a dense id per word. The
// tokenizer hashes each word while it scans it (two independent 32-bit hashes of its lower-case
// characters, pure arithmetic: no memory touched per character) and looks the pair up in one small
// open-addressing table, so each token arrives with its word id (or -1) without building a string.
// Words with characters the hash does not cover (non-ASCII letters, initialisms' periods) are looked
// up by their normalised text in a Map instead.
//
// Two words with the same pair of hashes would be confused: building the index refuses such a
// vocabulary, and a word outside it matches a vocabulary word's pair with a chance of the order of
// 2^-64 per token (two 32-bit hashes with different multipliers, compared in full).

import {mix} from './hash.js'

/** Character classes of the hash: a–z, 0–9, apostrophe, hyphen. */
export const apostropheClass = 36
export const hyphenClass = 37

/** Class of each ASCII char code as a word character (either case), or -1. */
export const asciiWordClass = Int8Array.from({length: 128}, (_, c) =>
  c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : c >= 48 && c <= 57 ? c - 22 : -1
)

/** Class of a normalised word's char code, or -1 (the hash does not cover it). */
function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97
  if (code >= 48 && code <= 57) return code - 22
  if (code === 39) return apostropheClass
  if (code === 45) return hyphenClass
  return -1
}

/** Start values of the two hashes. */
export const hashStart1 = 0x811c9dc5
export const hashStart2 = 0x2545f491

/** The two hashes after one more character of class `k` (FNV-1a style, different primes). */
export const hashStep1 = (h: number, k: number) => Math.imul(h ^ (k + 1), 0x01000193)
export const hashStep2 = (h: number, k: number) => Math.imul(h ^ (k + 1), 0x5bd1e995)

/** What a WordIndex is made of: saved by the build (glossary/saved-file.ts); the tables are rebuilt from it. */
export interface WordIndexParts {
  /** the words, by id */
  vocabulary: string[]
}

export class WordIndex {
  private readonly ids = new Map<string, number>()
  private readonly vocabulary: string[]
  /** slots of three ints: mixed first hash, second hash, id + 1 (0: empty slot) */
  private readonly table: Int32Array
  private readonly mask: number

  /** Build from the words of the spun forms, or from saved parts. */
  constructor(source: Iterable<string> | WordIndexParts) {
    const vocabulary = 'vocabulary' in source ? source.vocabulary : [...new Set(source)]
    this.vocabulary = vocabulary
    vocabulary.forEach((word, id) => this.ids.set(word, id))
    let slots = 1024
    while (slots < vocabulary.length * 2) slots *= 2
    this.mask = slots - 1
    this.table = new Int32Array(slots * 3)
    vocabulary.forEach((word, id) => {
      let h1 = hashStart1
      let h2 = hashStart2
      for (let i = 0; i < word.length; i++) {
        const k = charClass(word.charCodeAt(i))
        if (k < 0) return // found through the Map only
        h1 = hashStep1(h1, k)
        h2 = hashStep2(h2, k)
      }
      h1 = mix(h1)
      let slot = h1 & this.mask
      for (; this.table[slot * 3 + 2] !== 0; slot = (slot + 1) & this.mask) {
        if (this.table[slot * 3] === h1 && this.table[slot * 3 + 1] === h2)
          throw new Error(`the words "${word}" and "${vocabulary[this.table[slot * 3 + 2]! - 1]}" hash alike: change hashStart2`)
      }
      this.table[slot * 3] = h1
      this.table[slot * 3 + 1] = h2
      this.table[slot * 3 + 2] = id + 1
    })
  }

  get size(): number {
    return this.ids.size
  }

  parts(): WordIndexParts {
    return {vocabulary: this.vocabulary}
  }

  /** Id of a normalised word, or -1. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1
  }

  /** Id of the word whose characters hashed to (h1, h2) with hashStep1/hashStep2, or -1. */
  idOfHashes(h1: number, h2: number): number {
    h1 = mix(h1)
    const table = this.table
    for (let slot = h1 & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 3
      const id = table[at + 2]!
      if (id === 0) return -1
      if (table[at] === h1 && table[at + 1] === h2) return id - 1
    }
  }
}
