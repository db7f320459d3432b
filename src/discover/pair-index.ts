// The spin score's n-gram signal, fast: which words are in the vocabulary (seen at least `minWordCount`
// times) and which adjacent pairs of them were seen in the clean corpora. One pass over the text with
// no token objects and no strings: a word's id comes from a hash of its lower-cased code units (open
// addressing, checked against the word's characters), a pair's membership from a bit matrix for the
// most frequent words and a hash set of id pairs for the rest. Everything lives in typed arrays laid out
// by word frequency, so that the common words and pairs stay in the processor's caches.
//
// The words are exactly the tokens of src/match/tokenize.ts (the statistics were counted with it):
// `signals` walks the text by the same rules (test/score.test.ts checks it against tokenize on random
// text); texts whose lower-casing changes their length take tokenize itself.

import {isJoiningGap, lowerCaseKeepingOffsets, tokenize} from '../match/tokenize.js'

export interface BigramSignals {
  /** adjacent pairs whose words are both in the vocabulary (seen at least `minWordCount` times) */
  pairs: number
  /** of those, pairs unseen in the corpora */
  unseen: number
}

const letterOrDigit = /[\p{L}\p{M}\p{N}]/u
const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff

/** As in tokenize.ts: a letter, mark or digit (a surrogate pair tested whole). */
function wordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
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

/** Spread an FNV-1a state over all bits (the tables use the low ones). */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}

/** Hash of s[start, end) as a token key (apostrophes and hyphens unified), its code units copied to `into`. */
function hashOf(s: string, start: number, end: number, into?: Uint16Array): number {
  let h = fnvOffset
  for (let k = start; k < end; k++) {
    const c = unified(s.charCodeAt(k))
    if (into && k - start < into.length) into[k - start] = c
    h = Math.imul(h ^ c, fnvPrime)
  }
  return mix(h)
}

/** Open-addressing table sizes: a power of two, at most two thirds full. */
const tableSize = (entries: number) => 2 ** Math.max(4, Math.ceil(Math.log2(1.5 * entries + 1)))
/** Words (by frequency) whose pairs live in the bit matrix: 1024² bits, 128 KiB. */
const denseWords = 1024

export class PairIndex {
  /** number of words in the index */
  readonly size: number
  /** the code units of word `id` are chars[starts[id] … starts[id + 1]) */
  private readonly chars: Uint16Array
  private readonly starts: Uint32Array
  /** open addressing: slot k holds a word's hash at 2k and its id at 2k + 1 (−1: empty) */
  private readonly wordSlots: Int32Array
  /** the current token's code units (as long as the longest word, plus one) */
  private readonly scratch: Uint16Array
  /** pairs of the `dense` most frequent words: bit a·dense + b */
  private readonly dense: number
  private readonly matrix: Uint8Array
  /** the other pairs: a·size + b + 1 by open addressing (0: empty) */
  private readonly pairSlots: Uint32Array

  /**
   * `vocabulary`: words joined by newlines, most frequent first; the first `size` of them are indexed
   * (those seen at least `minWordCount` times). `first[k]`, `second[k]`: the ids of a pair seen in the
   * corpora (pairs with a word outside the index are left out).
   */
  constructor(vocabulary: string, size: number, first: ArrayLike<number>, second: ArrayLike<number>) {
    if (size >= 0x10000) throw new RangeError('collocations: vocabulary too large for the pair index')
    this.size = size
    this.starts = new Uint32Array(size + 1)
    const wordMask = tableSize(size) - 1
    this.wordSlots = new Int32Array(2 * (wordMask + 1)).fill(-1)
    let longest = 0
    for (let id = 0, at = 0; id < size; id++) {
      const end = vocabulary.indexOf('\n', at)
      const stop = end === -1 ? vocabulary.length : end
      this.starts[id + 1] = this.starts[id]! + stop - at
      longest = Math.max(longest, stop - at)
      const h = hashOf(vocabulary, at, stop)
      let slot = h & wordMask
      while (this.wordSlots[2 * slot + 1] !== -1) slot = (slot + 1) & wordMask
      this.wordSlots[2 * slot] = h
      this.wordSlots[2 * slot + 1] = id
      at = stop + 1
    }
    this.chars = new Uint16Array(this.starts[size]!)
    for (let id = 0, at = 0; id < size; id++, at++)
      for (let k = this.starts[id]!; k < this.starts[id + 1]!; k++) this.chars[k] = unified(vocabulary.charCodeAt(at++))
    this.scratch = new Uint16Array(longest + 1)
    this.dense = Math.min(size, denseWords)
    this.matrix = new Uint8Array(Math.ceil((this.dense * this.dense) / 8))
    let sparse = 0
    for (let k = 0; k < first.length; k++) if (first[k]! < size && second[k]! < size && !(first[k]! < this.dense && second[k]! < this.dense)) sparse++
    this.pairSlots = new Uint32Array(tableSize(sparse))
    for (let k = 0; k < first.length; k++) {
      const a = first[k]!
      const b = second[k]!
      if (a >= size || b >= size) continue
      if (a < this.dense && b < this.dense) {
        const bit = a * this.dense + b
        this.matrix[bit >> 3] = this.matrix[bit >> 3]! | (1 << (bit & 7))
      } else this.pairSlots[this.pairSlot(a, b)] = a * size + b + 1
    }
  }

  /** Id of the token whose `length` code units are in `scratch` and whose hash is `h`, or −1. */
  private lookUp(h: number, length: number): number {
    if (length >= this.scratch.length) return -1
    const mask = (this.wordSlots.length >> 1) - 1
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.wordSlots[2 * slot + 1]!
      if (id === -1) return -1
      if (this.wordSlots[2 * slot] !== h) continue
      const from = this.starts[id]!
      if (this.starts[id + 1]! - from !== length) continue
      let k = 0
      while (k < length && this.scratch[k] === this.chars[from + k]) k++
      if (k === length) return id
    }
  }

  /** Id of a normalised word, or −1. */
  id(word: string): number {
    return this.lookUp(hashOf(word, 0, word.length, this.scratch), word.length)
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
    const lower = lowerCaseKeepingOffsets(text)
    if (lower === undefined) return this.signalsOfTokens(text)
    const scratch = this.scratch
    const room = scratch.length
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
      // and copied to scratch as they are read, lower-cased …
      const start = i
      let h = fnvOffset
      for (let c = code; ; c = text.charCodeAt(i)) {
        let key: number
        if (wordChar(c, text, i)) key = c < 65 || c > 90 ? (c < 128 ? c : lower.charCodeAt(i)) : c + 32
        else if (innerMark(c) && i + 1 < n && wordChar(text.charCodeAt(i + 1), text, i + 1)) key = unified(c)
        else break
        if (i - start < room) scratch[i - start] = key
        h = Math.imul(h ^ key, fnvPrime)
        if (isHigh(c) && ++i < n) {
          if (i - start < room) scratch[i - start] = lower.charCodeAt(i)
          h = Math.imul(h ^ lower.charCodeAt(i), fnvPrime)
        }
        if (++i >= n) break
      }
      h = mix(h)
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
          h = hashOf(lower, start, text.charCodeAt(i - 1) === 46 ? i - 1 : i, scratch)
        }
      }
      const id = this.lookUp(h, (text.charCodeAt(i - 1) === 46 ? i - 1 : i) - start)
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
