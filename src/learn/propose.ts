// Glossary proposals from aligned parallel text: each differing stretch of a spun/original pair becomes
// a candidate entry (variant = the spun words, canonical = the original words), counted over every pair,
// with example sentences, a suggested tier (certain when the variant never occurs in the clean corpora's
// statistics) and whether the glossary already knows it.

import type {Collocations} from '../discover/collocations.js'
import type {LoadedGlossary} from '../glossary/loaded.js'
import {restoreCasing} from '../match/casing.js'
import {findChanges} from '../match/find.js'
import {isJoiningGap, normalizeWord, type Token} from '../match/tokenize.js'
import type {Tier} from '../glossary/types.js'
import {alignTexts, type Hunk} from './align.js'

export interface ParallelPair {
  /** display name (file name) */
  name: string
  spun: string
  original: string
}

export interface ProposalExample {
  spun: string
  restored: string
}

export interface Proposal {
  variant: string
  canonical: string
  /** occurrences over all pairs */
  count: number
  /** names of the pairs it was seen in */
  pairs: string[]
  tier: Tier
  /** the glossary already restores this variant to this canonical */
  known: boolean
  examples: ProposalExample[]
}

export interface ProposeOptions {
  /** longest variant or canonical, in words (default 6) */
  maxWords?: number
  /** examples kept per proposal (default 2) */
  maxExamples?: number
  /** glossary to mark proposals it already covers */
  glossary?: LoadedGlossary
  /** clean-English statistics to suggest tiers */
  collocations?: Collocations
}

/**
 * Merge a substitution followed or preceded (one common word between) by an insertion or deletion, within
 * one phrase of the spun text (`joined(i)`: spun tokens i - 1 and i are separated by whitespace only).
 */
function mergeHunks(hunks: readonly Hunk[], joined: (i: number) => boolean): Hunk[] {
  const out: Hunk[] = []
  const empty = (h: Hunk) => h.spunFirst === h.spunEnd || h.originalFirst === h.originalEnd
  for (const h of hunks) {
    const last = out.at(-1)
    const unbroken = () => {
      for (let i = Math.max(1, last!.spunFirst + 1); i < Math.max(h.spunEnd, last!.spunEnd + 2); i++) if (!joined(i)) return false
      return true
    }
    if (last && h.spunFirst - last.spunEnd === 1 && h.originalFirst - last.originalEnd === 1 && (empty(h) || empty(last)) && unbroken())
      out[out.length - 1] = {...last, spunEnd: h.spunEnd, originalEnd: h.originalEnd}
    else out.push(h)
  }
  return out
}

/** An insertion or deletion with a common word of context: the one before it, and the one after it. */
function anchored(h: Hunk, spunCount: number, originalCount: number): Hunk[] {
  if (h.spunFirst < h.spunEnd && h.originalFirst < h.originalEnd) return [h]
  const out: Hunk[] = []
  if (h.spunFirst > 0 && h.originalFirst > 0) out.push({...h, spunFirst: h.spunFirst - 1, originalFirst: h.originalFirst - 1})
  if (h.spunEnd < spunCount && h.originalEnd < originalCount) out.push({...h, spunEnd: h.spunEnd + 1, originalEnd: h.originalEnd + 1})
  return out
}

/** The words of tokens [first, end) as a phrase, or undefined when punctuation or a paragraph breaks them. */
function phrase(text: string, tokens: readonly Token[], first: number, end: number): string | undefined {
  for (let k = first + 1; k < end; k++) if (!isJoiningGap(text, tokens[k - 1]!.end, tokens[k]!.start)) return undefined
  return tokens.slice(first, end).map((t) => t.norm).join(' ')
}

/** A sentence ends at . ! or ? followed by space and a capital or an opening quote, or at a line break. */
const sentenceEnd = /[.!?][”"’']?\s+(?=[\p{Lu}“"‘(])|\n/gu

/** The sentence of `text` around [start, end). */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = 0
  let e = text.length
  for (const m of text.matchAll(sentenceEnd)) {
    const after = m.index + m[0].length
    if (after <= start) s = after
    else if (m.index >= end) {
      e = m[0] === '\n' ? m.index : m.index + m[0].trimEnd().length
      break
    }
  }
  return [s, e]
}

/** Seen in the clean statistics: the word, bigram, or every trigram of the phrase. */
function seenInClean(words: readonly string[], c: Collocations): boolean {
  if (words.length === 1) return c.count(words[0]!) > 0
  if (words.length === 2) return c.bigram(words[0]!, words[1]!) > 0
  for (let k = 0; k + 2 < words.length; k++) if (c.trigram(words[k]!, words[k + 1]!, words[k + 2]!) === 0) return false
  return true
}

interface Occurrence {
  pair: number
  hunk: Hunk
}

/**
 * Widen the occurrences of one change by a word of context that accompanies every one of them (at least
 * two): "home → house" always after "white" is the entry "white home → white house".
 */
function widenByConstantContext(occurrences: Occurrence[], aligned: ReadonlyArray<ReturnType<typeof alignTexts>>, pairs: readonly ParallelPair[]): void {
  if (occurrences.length < 2) return
  const wordAt = (o: Occurrence, index: number) => {
    const {spunTokens} = aligned[o.pair]!
    const token = spunTokens[index]
    if (!token) return undefined
    const [a, b] = index < o.hunk.spunFirst ? [token, spunTokens[o.hunk.spunFirst]!] : [spunTokens[o.hunk.spunEnd - 1]!, token]
    return isJoiningGap(pairs[o.pair]!.spun, a.end, b.start) ? token.norm : undefined
  }
  const constant = (index: (o: Occurrence) => number) => {
    const first = wordAt(occurrences[0]!, index(occurrences[0]!))
    return first !== undefined && occurrences.every((o) => wordAt(o, index(o)) === first)
  }
  const left = constant((o) => o.hunk.spunFirst - 1)
  const right = constant((o) => o.hunk.spunEnd)
  for (const o of occurrences) {
    if (left) o.hunk = {...o.hunk, spunFirst: o.hunk.spunFirst - 1, originalFirst: o.hunk.originalFirst - 1}
    if (right) o.hunk = {...o.hunk, spunEnd: o.hunk.spunEnd + 1, originalEnd: o.hunk.originalEnd + 1}
  }
}

/** Proposals from parallel pairs, most frequent first. */
export function proposeEntries(pairs: readonly ParallelPair[], options: Readonly<ProposeOptions> = {}): Proposal[] {
  const maxWords = options.maxWords ?? 6
  const maxExamples = options.maxExamples ?? 2
  const aligned = pairs.map((pair) => alignTexts(pair.spun, pair.original))
  const words = (o: Occurrence): [string, string] | undefined => {
    const {spunTokens, originalTokens} = aligned[o.pair]!
    const {spun, original} = pairs[o.pair]!
    const h = o.hunk
    if (h.spunEnd - h.spunFirst > maxWords || h.originalEnd - h.originalFirst > maxWords) return undefined
    const variant = phrase(spun, spunTokens, h.spunFirst, h.spunEnd)
    const canonical = phrase(original, originalTokens, h.originalFirst, h.originalEnd)
    return variant === undefined || canonical === undefined || variant === canonical ? undefined : [variant, canonical]
  }
  // occurrences grouped by their minimal change
  const groups = new Map<string, Occurrence[]>()
  aligned.forEach(({spunTokens, originalTokens, hunks}, pair) => {
    const {spun} = pairs[pair]!
    const joined = (i: number) => i < spunTokens.length && isJoiningGap(spun, spunTokens[i - 1]!.end, spunTokens[i]!.start)
    for (const merged of mergeHunks(hunks, joined)) {
      // the first reading whose words are not broken by punctuation
      for (const hunk of anchored(merged, spunTokens.length, originalTokens.length)) {
        const o = {pair, hunk}
        const key = words(o)?.join('\t')
        if (key === undefined) continue
        groups.set(key, [...(groups.get(key) ?? []), o])
        break
      }
    }
  })
  const known = pairs.map((pair) => (options.glossary ? findChanges(pair.spun, options.glossary, {gate: 'open'}).changes : []))
  const byKey = new Map<string, Proposal>()
  for (const occurrences of groups.values()) {
    widenByConstantContext(occurrences, aligned, pairs)
    for (const o of occurrences) {
      const pair = pairs[o.pair]!
      const {spunTokens} = aligned[o.pair]!
      const pairWords = words(o)
      if (!pairWords) continue
      const [variant, canonical] = pairWords
      const start = spunTokens[o.hunk.spunFirst]!.start
      const end = spunTokens[o.hunk.spunEnd - 1]!.end
      const key = `${variant}\t${canonical}`
      let proposal = byKey.get(key)
      if (!proposal) {
        proposal = {variant, canonical, count: 0, pairs: [], tier: 'contextual', known: false, examples: []}
        byKey.set(key, proposal)
      }
      proposal.count++
      if (!proposal.pairs.includes(pair.name)) proposal.pairs.push(pair.name)
      if (known[o.pair]!.some((c) => c.start <= start && c.end >= end && normalizeWord(c.expected).includes(canonical))) proposal.known = true
      if (proposal.examples.length < maxExamples) {
        const [s, e] = sentenceAround(pair.spun, start, end)
        const replacement = restoreCasing(pair.spun.slice(start, end), canonical, false)
        proposal.examples.push({spun: pair.spun.slice(s, e), restored: pair.spun.slice(s, start) + replacement + pair.spun.slice(end, e)})
      }
    }
  }
  const proposals = [...byKey.values()]
  if (options.collocations)
    for (const p of proposals) p.tier = seenInClean(p.variant.split(' '), options.collocations) ? 'contextual' : 'certain'
  return proposals.sort((a, b) => b.count - a.count || (a.canonical < b.canonical ? -1 : 1))
}
