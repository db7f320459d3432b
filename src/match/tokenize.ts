// Word tokenizer over raw text: the one notion of "word" shared by the glossary compiler, the matcher
// and every entry point (plain text, NLCST views, markdown, HTML). Linear, no Intl.Segmenter.
// An initialism's final period belongs to the token (so "U.S. officials" joins) but not to its key.
//
// A word is a run of letters, marks and digits, joined by inner apostrophes (’ ' ʼ), inner hyphens
// (Stay-in-Mexico) and single-letter initialisms with periods (U.S., p.c.). `norm` is the comparison key:
// lower case, one apostrophe (') and one hyphen (-). Given the glossary's WordIndex, each token also
// gets its word id, from the word's hashes computed during the same scan (see word-index.ts).

import {apostropheClass, asciiWordClass, hashStart1, hashStart2, hashStep1, hashStep2, hyphenClass, type WordIndex} from './word-index.js'

/**
 * A word of the text. `norm` is built on first use (most tokens never need it: the matcher reads `id`),
 * from the lower-cased text when the caller has it.
 */
export class Token {
  private key: string | undefined

  constructor(
    /** offset of the first code unit */
    public start: number,
    /** offset after the last code unit */
    public end: number,
    /** id of `norm` in the WordIndex the text was tokenized with, or -1 (not a glossary word, or no index) */
    public id: number,
    /** where `norm` is read from: the text, or its lower-cased copy */
    private source: TokenSource,
    /** bit 1: ends in an initialism's period (not part of the key); bit 2: has ’ ʼ ‐ ‑ to unify */
    private flags: number
  ) {}

  /** Make this (pooled) token another word: see TokenPool. */
  reset(start: number, end: number, id: number, source: TokenSource, flags: number): this {
    this.start = start
    this.end = end
    this.id = id
    this.source = source
    this.flags = flags
    this.key = undefined
    return this
  }

  /** lower-cased, apostrophes and hyphens unified */
  get norm(): string {
    if (this.key === undefined) {
      const slice = this.source.text.slice(this.start, this.flags & 1 ? this.end - 1 : this.end)
      const folded = this.source.isLower ? slice : slice.toLowerCase()
      this.key = this.flags & 2 ? unify(folded) : folded
    }
    return this.key
  }
}

/**
 * Tokens reused from one tokenize() call to the next (the matcher's hot path allocates no token objects
 * once warm). The array a pooled call returns, and its tokens, are valid only until the next call with
 * the same pool.
 */
export class TokenPool {
  readonly tokens: Token[] = []
  readonly view: Token[] = []
}

interface TokenSource {
  text: string
  isLower: boolean
}

const letterOrDigit = /[\p{L}\p{M}\p{N}]/u

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  }
  // surrogate pairs: test the whole code point
  return letterOrDigit.test(code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : text[i]!)
}

function isLetter(code: number, text: string, i: number): boolean {
  return isWordChar(code, text, i) && !(code >= 48 && code <= 57)
}

const isApostrophe = (code: number) => code === 39 || code === 0x2019 || code === 0x2bc
const isHyphen = (code: number) => code === 45 || code === 0x2010 || code === 0x2011

/** Normalise a word for comparison (same rules as tokens). */
export function normalizeWord(word: string): string {
  return unify(word.toLowerCase())
}

const unify = (lower: string) => lower.replace(/[’ʼ]/g, "'").replace(/[‐‑]/g, '-')
const isSpecial = (code: number) => code === 0x2019 || code === 0x2bc || code === 0x2010 || code === 0x2011

/** The lower-cased text when lower-casing keeps every offset (almost always), else null. */
export function lowerCaseKeepingOffsets(text: string): string | null {
  const lower = text.toLowerCase()
  return lower.length === text.length ? lower : null
}

/**
 * Split text[from, to) into word tokens (everything between tokens is a gap). `lower` is
 * lowerCaseKeepingOffsets(text), to build every token's `norm` from; null when few norms will be
 * read (each is then lower-cased on its own). `index` gives each token its word id; `pool` reuses
 * token objects (see TokenPool).
 */
export function tokenize(text: string, from = 0, to = text.length, lower = lowerCaseKeepingOffsets(text), index?: WordIndex, pool?: TokenPool): Token[] {
  const tokens: Token[] = pool ? pool.view : []
  tokens.length = 0
  const length = to
  const source: TokenSource = {text: lower ?? text, isLower: lower !== null}
  // while scanning a word, its two hashes (see word-index.ts); `hashed` turns false when the word has a
  // character the hash does not cover (its id is then looked up by norm)
  let i = from
  while (i < length) {
    const code = text.charCodeAt(i)
    const k = code < 128 ? asciiWordClass[code]! : -2
    if (k === -1 || (k === -2 && !isWordChar(code, text, i))) {
      i++
      continue
    }
    const start = i
    let special = false
    let hashed = k >= 0
    let h1 = hashStep1(hashStart1, k)
    let h2 = hashStep2(hashStart2, k)
    i += code >= 0xd800 && code <= 0xdbff ? 2 : 1
    for (;;) {
      if (i >= length) break
      const c = text.charCodeAt(i)
      const kc = c < 128 ? asciiWordClass[c]! : -2
      if (kc >= 0) {
        h1 = hashStep1(h1, kc)
        h2 = hashStep2(h2, kc)
        i++
        continue
      }
      // inner apostrophe or hyphen: only when a word character follows (ʼ is also a letter: tested first)
      if ((isApostrophe(c) || isHyphen(c)) && i + 1 < length && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
        if (isSpecial(c)) special = true
        const kj = isApostrophe(c) ? apostropheClass : hyphenClass
        h1 = hashStep1(h1, kj)
        h2 = hashStep2(h2, kj)
        i++
        continue
      }
      if (kc === -2 && isWordChar(c, text, i)) {
        hashed = false
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
        continue
      }
      break
    }
    // initialism: single letters joined by periods (U.S., p.c., D.C.)
    if (i - start === 1 && isLetter(code, text, start) && text.charCodeAt(i) === 46) {
      let j = i
      let groups = 1
      while (
        text.charCodeAt(j) === 46 &&
        j + 1 < length &&
        isLetter(text.charCodeAt(j + 1), text, j + 1) &&
        !(j + 2 < length && isWordChar(text.charCodeAt(j + 2), text, j + 2))
      ) {
        j += 2
        groups++
      }
      if (groups >= 2) {
        i = j < length && text.charCodeAt(j) === 46 ? j + 1 : j
        hashed = false // the periods were not hashed
      }
    }
    // an initialism's final period is not part of its key: "U.S." and "U.S" compare equal
    const flags = (text.charCodeAt(i - 1) === 46 ? 1 : 0) | (special ? 2 : 0)
    const id = index !== undefined && hashed ? index.idOfHashes(h1, h2) : -1
    const n = tokens.length
    const token = pool === undefined ? new Token(start, i, id, source, flags) : n < pool.tokens.length ? pool.tokens[n]!.reset(start, i, id, source, flags) : pool.tokens[pool.tokens.push(new Token(start, i, id, source, flags)) - 1]!
    if (index !== undefined && !hashed) token.id = index.idOf(token.norm)
    tokens.push(token)
  }
  return tokens
}

/** Does the token end in an initialism's period (`p.c.`)? */
export function endsInPeriod(text: string, token: Token): boolean {
  return text.charCodeAt(token.end - 1) === 46
}

/**
 * Where a match ending in `token` should stop: before an initialism's final period when that period
 * also ends the sentence ("rose 5 p.c." → "rose 5 percent."), else after it.
 */
export function matchEnd(text: string, token: Token): number {
  if (!endsInPeriod(text, token)) return token.end
  let i = token.end
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++
  if (i >= text.length) return token.end - 1
  const next = text[i]!
  if (next === '\n' || next === '\r') return token.end - 1
  // a closing quote or bracket right after the period: the period ends the sentence inside it
  if (i === token.end) return /[”’"')\]]/.test(next) ? token.end - 1 : token.end
  return /[\p{Lu}"“‘(]/u.test(next) ? token.end - 1 : token.end
}

/** Split a glossary phrase into normalised words. */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm)
}

/** A gap the words of one phrase may span: whitespace with at most one line break. */
export function isJoiningGap(text: string, start: number, end: number): boolean {
  if (end <= start) return false
  let breaks = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009) continue
    if (c === 10) {
      if (++breaks > 1) return false
      continue
    }
    if (c === 13) continue
    return false
  }
  return true
}
