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

/** What a WordIndex is made of: saved by the build (glossary/saved-file.ts). */
export interface WordIndexParts {
  /** the words, by id */
  vocabulary: string[]
  /** slots of two ints: mixed first hash, id + 1 (0: empty slot); about 1.5 slots per word */
  table: Int32Array
  /** the second hash of each word, by id (read only when the first one matched) */
  check: Int32Array
}

/** The two hashes of a normalised word, or undefined when it has a character they do not cover. */
function hashesOf(word: string): [number, number] | undefined {
  let h1 = hashStart1
  let h2 = hashStart2
  for (let i = 0; i < word.length; i++) {
    const k = charClass(word.charCodeAt(i))
    if (k < 0) return undefined
    h1 = hashStep1(h1, k)
    h2 = hashStep2(h2, k)
  }
  return [h1, h2]
}

/** The hash table of a vocabulary and the second hash of each word (see WordIndexParts). */
function hashTable(vocabulary: readonly string[]): {table: Int32Array; check: Int32Array} {
  let slots = 1024
  while (slots < vocabulary.length * 1.5) slots *= 2
  const mask = slots - 1
  // small enough to stay in the CPU cache: 128 KiB for the bundled glossary's 10,000 words
  const table = new Int32Array(slots * 2)
  const check = new Int32Array(vocabulary.length)
  vocabulary.forEach((word, id) => {
    const hashes = hashesOf(word)
    if (hashes === undefined) return // found by text only
    const h1 = mix(hashes[0])
    let slot = h1 & mask
    for (; table[slot * 2 + 1] !== 0; slot = (slot + 1) & mask) {
      const other = table[slot * 2 + 1]! - 1
      if (table[slot * 2] === h1 && check[other] === hashes[1])
        throw new Error(`the words "${word}" and "${vocabulary[other]}" hash alike: change hashStart2`)
    }
    table[slot * 2] = h1
    table[slot * 2 + 1] = id + 1
    check[id] = hashes[1]
  })
  return {table, check}
}

export class WordIndex {
  private readonly vocabulary: string[]
  private readonly table: Int32Array
  private readonly check: Int32Array
  private readonly mask: number
  /** ids of the words the hashes do not cover, built on first use (few: "café", "u.s") */
  private unhashed: Map<string, number> | undefined

  /** Build from the words of the spun forms, or restore from saved parts. */
  constructor(source: Iterable<string> | WordIndexParts) {
    if ('table' in source) {
      ;({vocabulary: this.vocabulary, table: this.table, check: this.check} = source)
    } else {
      this.vocabulary = [...new Set(source)]
      ;({table: this.table, check: this.check} = hashTable(this.vocabulary))
    }
    this.mask = this.table.length / 2 - 1
  }

  get size(): number {
    return this.vocabulary.length
  }

  parts(): WordIndexParts {
    return {vocabulary: this.vocabulary, table: this.table, check: this.check}
  }

  /** Id of a normalised word, or -1. */
  idOf(word: string): number {
    const hashes = hashesOf(word)
    if (hashes !== undefined) return this.idOfHashes(hashes[0], hashes[1])
    if (this.unhashed === undefined) {
      this.unhashed = new Map()
      this.vocabulary.forEach((w, id) => {
        if (hashesOf(w) === undefined) this.unhashed!.set(w, id)
      })
    }
    return this.unhashed.get(word) ?? -1
  }

  /** Id of the word whose characters hashed to (h1, h2) with hashStep1/hashStep2, or -1. */
  idOfHashes(h1: number, h2: number): number {
    h1 = mix(h1)
    const table = this.table
    for (let slot = h1 & this.mask; ; slot = (slot + 1) & this.mask) {
      const id = table[slot * 2 + 1]!
      if (id === 0) return -1
      if (table[slot * 2] === h1 && this.check[id - 1] === h2) return id - 1
    }
  }
}
