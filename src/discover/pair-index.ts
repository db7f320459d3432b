// The spin score's n-gram signal, fast: which words are in the vocabulary (seen at least `minWordCount`
// times) and which adjacent pairs of them were seen in the clean corpora. One pass over the text with
// no token objects and no strings: a word's id comes from a 64-bit fingerprint of its lower-cased code
// units (two independent 32-bit hashes, open addressing), a pair's membership from a bit matrix for the
// most frequent words and a hash set of id pairs for the rest. Lookups are memory-bound, so the tables
// are small typed arrays and a word is one 12-byte record, not checked against its characters: a token
// outside the vocabulary is taken for a word only if both hashes collide, about once in 2^64 lookups.
//
// The words are exactly the tokens of src/match/tokenize.ts (the statistics were counted with it):
// `signals` walks the text by the same rules (test/score.test.ts checks it against tokenize on random
// text); texts whose lower-casing changes their length take tokenize itself.

import {mix} from '../match/hash.js'
import {isJoiningGap, lowerCaseKeepingOffsets, tokenize} from '../match/tokenize.js'

export interface BigramSignals {
  /** adjacent pairs whose words are both in the vocabulary (seen at least `minWordCount` times) */
  pairs: number
  /** of those, pairs unseen in the corpora */
  unseen: number
}

const letterOrDigit = /[\p{L}\p{M}\p{N}]/u
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff

/** ASCII letters and digits. */
const asciiWord = Uint8Array.from({length: 128}, (_, c) => Number((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)))

/** As in tokenize.ts: a letter, mark or digit (a surrogate pair tested whole). */
function wordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return asciiWord[code] === 1
  return letterOrDigit.test(isHigh(code) ? text.slice(i, i + 2) : text[i]!)
}

const letter = (code: number, text: string, i: number) => !(code >= 48 && code <= 57) && wordChar(code, text, i)
const innerMark = (c: number) => c === 39 || c === 0x2019 || c === 0x2bc || c === 45 || c === 0x2010 || c === 0x2011
/** A token key's code unit as tokenize normalises it: one apostrophe, one hyphen. */
const unified = (c: number) => (c === 0x2019 || c === 0x2bc ? 39 : c === 0x2010 || c === 0x2011 ? 45 : c)
/** Whitespace a pair of words may span (isJoiningGap), line breaks counted apart. */
const blank = (c: number) => c === 32 || c === 9 || c === 13 || c === 0xa0 || c === 0x202f || c === 0x2009

const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193

/** The second hash's step (polynomial, unlike FNV-1a's xor-multiply) and finish. */
const step2 = (h: number, c: number) => (Math.imul(h, 31) + c) | 0
function finish2(h: number, length: number): number {
  h = Math.imul(h ^ (h >>> 16) ^ length, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  return h ^ (h >>> 16)
}
const seed2 = 0x2545f491

/** Open-addressing table sizes: a power of two, at most two thirds full. */
const tableSize = (entries: number) => 2 ** Math.max(4, Math.ceil(Math.log2(1.5 * entries + 1)))
/** Words (by frequency) whose pairs live in the bit matrix: 1024² bits, 128 KiB. */
const denseWords = 1024

export class PairIndex {
  /** number of words in the index */
  readonly size: number
  /** open addressing: slot k is words[3k … 3k + 2] = first hash, second hash, id (−1: empty) */
  private readonly words: Int32Array
  private readonly wordMask: number
  /** pairs of the `dense` most frequent words: bit a·dense + b */
  private readonly dense: number
  private readonly matrix: Uint8Array
  /** the other pairs: a·size + b + 1 by open addressing (0: empty) */
  private readonly pairSlots: Uint32Array
  /** the second hash of the last hashOf */
  private h2 = 0

  /**
   * `vocabulary`: words joined by newlines, most frequent first; the first `size` of them are indexed
   * (those seen at least `minWordCount` times). `first[k]`, `second[k]`: the ids of a pair seen in the
   * corpora (pairs with a word outside the index are left out).
   */
  constructor(vocabulary: string, size: number, first: ArrayLike<number>, second: ArrayLike<number>) {
    if (size >= 0x10000) throw new RangeError('collocations: vocabulary too large for the pair index')
    this.size = size
    this.wordMask = tableSize(size) - 1
    this.words = new Int32Array(3 * (this.wordMask + 1)).fill(-1)
    // the first `size` words: both hashes in one pass over the characters, then into the table
    const words = this.words
    const mask = this.wordMask
    for (let id = 0, k = 0, start = 0, h = fnvOffset, h2 = seed2; id < size; k++) {
      const c = k < vocabulary.length ? vocabulary.charCodeAt(k) : 10
      if (c !== 10) {
        h = Math.imul(h ^ unified(c), fnvPrime)
        h2 = step2(h2, unified(c))
        continue
      }
      const [first1, second1] = [mix(h), finish2(h2, k - start)]
      let slot = first1 & mask
      for (; words[3 * slot + 2] !== -1; slot = (slot + 1) & mask)
        if (words[3 * slot] === first1 && words[3 * slot + 1] === second1) throw new Error(`collocations: two words share a fingerprint (${vocabulary.slice(start, k)})`)
      words[3 * slot] = first1
      words[3 * slot + 1] = second1
      words[3 * slot + 2] = id++
      ;[start, h, h2] = [k + 1, fnvOffset, seed2]
    }
    const dense = (this.dense = Math.min(size, denseWords))
    this.matrix = new Uint8Array(Math.ceil((dense * dense) / 8))
    let sparse = 0
    for (let k = 0; k < first.length; k++) if (first[k]! < size && second[k]! < size && (first[k]! >= dense || second[k]! >= dense)) sparse++
    this.pairSlots = new Uint32Array(tableSize(sparse))
    for (let k = 0; k < first.length; k++) {
      const a = first[k]!
      const b = second[k]!
      if (a >= size || b >= size) continue
      if (a < dense && b < dense) {
        const bit = a * dense + b
        this.matrix[bit >> 3] = this.matrix[bit >> 3]! | (1 << (bit & 7))
      } else this.pairSlots[this.pairSlot(a, b)] = a * size + b + 1
    }
  }

  /** Both hashes of s[start, end) as a token key (apostrophes and hyphens unified): the first returned, the second in h2. */
  private hashOf(s: string, start: number, end: number): number {
    let h = fnvOffset
    let h2 = seed2
    for (let k = start; k < end; k++) {
      const c = unified(s.charCodeAt(k))
      h = Math.imul(h ^ c, fnvPrime)
      h2 = step2(h2, c)
    }
    this.h2 = finish2(h2, end - start)
    return mix(h)
  }

  /** Id of the word whose hashes are `h`, `h2`, or −1. */
  private lookUp(h: number, h2: number): number {
    const mask = this.wordMask
    const words = this.words
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = words[3 * slot + 2]!
      if (id === -1 || (words[3 * slot] === h && words[3 * slot + 1] === h2)) return id
    }
  }

  /** Id of a normalised word, or −1. */
  id(word: string): number {
    const h = this.hashOf(word, 0, word.length)
    return this.lookUp(h, this.h2)
  }

  private pairSlot(a: number, b: number): number {
    const mask = this.pairSlots.length - 1
    const key = a * this.size + b + 1
    let slot = mix(Math.imul(a, 0x9e3779b1) ^ b) & mask
    while (this.pairSlots[slot] !== 0 && this.pairSlots[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  /** Were words `a` then `b` seen together? */
  has(a: number, b: number): boolean {
    if (a < this.dense && b < this.dense) {
      const bit = a * this.dense + b
      return (this.matrix[bit >> 3]! & (1 << (bit & 7))) !== 0
    }
    return this.pairSlots[this.pairSlot(a, b)] !== 0
  }

  /** Adjacent pairs of indexed words in `text` (no punctuation between), and how many were never seen. */
  signals(text: string): BigramSignals {
    // the lower-cased text, needed only for letters beyond ASCII (tokenize's fallback when lower-casing moves offsets)
    let lower: string | null | undefined
    let pairs = 0
    let unseen = 0
    let previous = -1
    let previousEnd = 0
    let joining = false
    let breaks = 0
    const n = text.length
    let i = 0
    while (i < n) {
      const code = text.charCodeAt(i)
      if (!wordChar(code, text, i)) {
        // the gap since the previous word: joining while it is blank with at most one line break
        if (code === 10) {
          if (++breaks > 1) joining = false
        } else if (!blank(code)) joining = false
        i++
        continue
      }
      // a token as tokenize.ts cuts it: word characters joined by inner apostrophes and hyphens, hashed
      // as they are read, lower-cased …
      const start = i
      let h = fnvOffset
      let h2 = seed2
      for (let c = code; ; c = text.charCodeAt(i)) {
        let key: number
        if (wordChar(c, text, i)) {
          if (c >= 128 && lower === undefined && (lower = lowerCaseKeepingOffsets(text)) === null) return this.signalsOfTokens(text)
          key = c < 65 || c > 90 ? (c < 128 ? c : lower!.charCodeAt(i)) : c + 32
        } else if (innerMark(c) && i + 1 < n && wordChar(text.charCodeAt(i + 1), text, i + 1)) key = unified(c)
        else break
        h = Math.imul(h ^ key, fnvPrime)
        h2 = step2(h2, key)
        if (isHigh(c) && ++i < n) {
          h = Math.imul(h ^ lower!.charCodeAt(i), fnvPrime)
          h2 = step2(h2, lower!.charCodeAt(i))
        }
        if (++i >= n) break
      }
      h = mix(h)
      h2 = finish2(h2, i - start)
      // … or single letters joined by periods (U.S., p.c.), whose final period is not part of the key
      if (i - start === 1 && letter(code, text, start) && text.charCodeAt(i) === 46) {
        let j = i
        let groups = 1
        while (text.charCodeAt(j) === 46 && j + 1 < n && letter(text.charCodeAt(j + 1), text, j + 1) && !(j + 2 < n && wordChar(text.charCodeAt(j + 2), text, j + 2))) {
          j += 2
          groups++
        }
        if (groups >= 2) {
          i = j < n && text.charCodeAt(j) === 46 ? j + 1 : j
          const end = text.charCodeAt(i - 1) === 46 ? i - 1 : i
          const span = text.slice(start, end)
          if (/^[\x00-\x7f]*$/.test(span)) h = this.hashOf(span.toLowerCase(), 0, span.length)
          else if ((lower ??= lowerCaseKeepingOffsets(text)) !== null) h = this.hashOf(lower, start, end)
          else return this.signalsOfTokens(text)
          h2 = this.h2
        }
      }
      const id = this.lookUp(h, h2)
      if (id !== -1 && previous !== -1 && joining && start > previousEnd) {
        pairs++
        if (!this.has(previous, id)) unseen++
      }
      previous = id
      previousEnd = i
      joining = true
      breaks = 0
    }
    return {pairs, unseen}
  }

  /** The same from tokenize's tokens (texts whose lower-casing changes offsets). */
  private signalsOfTokens(text: string): BigramSignals {
    const tokens = tokenize(text)
    let pairs = 0
    let unseen = 0
    let previous = -1
    for (let i = 0; i < tokens.length; i++) {
      const id = this.id(tokens[i]!.norm)
      if (id !== -1 && previous !== -1 && isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)) {
        pairs++
        if (!this.has(previous, id)) unseen++
      }
      previous = id
    }
    return {pairs, unseen}
  }
}
