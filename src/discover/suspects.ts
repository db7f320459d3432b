// Discovery of unlisted artifacts: a word whose n-grams are improbable in clean English while one of
// its thesaurus neighbours (or a word the glossary's swaps restore it to) makes a common collocation in
// the same place is a suspected spinner substitution ("background name" → "background call"). The
// evidence is an association gain: how much better the neighbour fits its context than the word found,
// each fit measured as a smoothed log ratio of observed to expected (independence) bigram counts, plus
// the trigram when it was seen; a glossary swap needs `swapBonus` less (its prior odds are higher).

import {isJoiningGap, tokenize, type Token} from '../match/tokenize.js'
import type {Collocations} from './collocations.js'
import type {Swaps} from './swaps.js'

export interface DiscoverOptions {
  /** minimum association gain (natural log units) to report a suspect (default 3) */
  minGain?: number
  /** minimum corpus count of the neighbour's collocation(s) (default 3) */
  minSupport?: number
  /** minimum corpus frequency of the word and of its neighbour (default 3) */
  minWordCount?: number
  /**
   * how much less gain a neighbour needs when it is one of the glossary's swaps for the word (default 1,
   * chosen on a tuning fold: see docs/discovery.md)
   */
  swapBonus?: number
}

export const defaultDiscoverOptions: Required<DiscoverOptions> = {minGain: 3, minSupport: 3, minWordCount: 3, swapBonus: 1}

export interface Suspect {
  /** offsets of the evidence n-gram in the text */
  start: number
  end: number
  /** the n-gram as found */
  actual: string
  /** the n-gram with the neighbour in place of the word (casing of the text kept) */
  expected: string
  /** the suspicious word and the neighbour suggested for it (normalised) */
  word: string
  neighbour: string
  /** association gain of the neighbour over the word */
  gain: number
  /** corpus count of the neighbour's collocation(s) */
  support: number
}

const plainWord = /^[a-z]+(?:-[a-z]+)*$/

/** A capitalised word that does not start a sentence is a name: leave it alone. */
function isName(text: string, token: Token): boolean {
  const first = text[token.start]!
  if (first === first.toLowerCase()) return false
  const before = text.slice(Math.max(0, token.start - 4), token.start).trimEnd()
  return !(before === '' || /[.!?:"“”‘’'(\n]$/.test(before))
}

interface Fit {
  score: number
  support: number
}

/** How well word id `w` fits between ids `a` and `b` (either may be missing): association and support. */
function fit(c: Collocations, a: number | undefined, w: number, b: number | undefined): Fit {
  const n = Math.max(1, c.tokens)
  let score = 0
  let support = 0
  if (a !== undefined) {
    const k = c.bigramOf(a, w)
    score += Math.log((k + 0.5) / ((c.countOf(a) * c.countOf(w)) / n + 0.5))
    support += k
  }
  if (b !== undefined) {
    const k = c.bigramOf(w, b)
    score += Math.log((k + 0.5) / ((c.countOf(w) * c.countOf(b)) / n + 0.5))
    support += k
  }
  if (a !== undefined && b !== undefined) score += Math.log1p(c.trigramOf(a, w, b))
  return {score, support}
}

/** Replace the word at [start, end) of `span` by `neighbour`, in the word's casing. */
function substitute(span: string, start: number, end: number, neighbour: string): string {
  const word = span.slice(start, end)
  const cased =
    word.length > 1 && word === word.toUpperCase()
      ? neighbour.toUpperCase()
      : word[0] !== word[0]!.toLowerCase()
        ? neighbour[0]!.toUpperCase() + neighbour.slice(1)
        : neighbour
  return span.slice(0, start) + cased + span.slice(end)
}

/** Neighbour ids of word `id` and the bonus each gets: its thesaurus neighbours none, the glossary's swaps `bonus`. */
function candidates(collocations: Collocations, id: number, word: string, swaps: Swaps | undefined, bonus: number): Map<number, number> {
  const out = new Map<number, number>()
  for (const n of collocations.neighbourIdsOf(id)) out.set(n, 0)
  for (const original of swaps?.get(word) ?? []) {
    const n = collocations.id(original)
    if (n !== undefined && n !== id) out.set(n, bonus)
  }
  return out
}

/**
 * Suspected substitutions in `text`, in text order, never overlapping (the stronger one wins). `swaps`:
 * the glossary's one-word substitutions, tried as neighbours too (see swaps.ts).
 */
export function findSuspects(text: string, collocations: Collocations, options: Readonly<DiscoverOptions> = {}, swaps?: Swaps): Suspect[] {
  const {minGain, minSupport, minWordCount, swapBonus} = {...defaultDiscoverOptions, ...options}
  const tokens = tokenize(text)
  const ids = tokens.map((t) => collocations.id(t.norm))
  const joined = (i: number) => i > 0 && isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)
  const found: Suspect[] = []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    const id = ids[i]
    if (id === undefined || collocations.countOf(id) < minWordCount || !plainWord.test(token.norm) || isName(text, token)) continue
    const a = joined(i) ? ids[i - 1] : undefined
    const b = i + 1 < tokens.length && joined(i + 1) ? ids[i + 1] : undefined
    if (a === undefined && b === undefined) continue
    // suspicious: unseen with every neighbouring word
    if ((a !== undefined && collocations.bigramOf(a, id) > 0) || (b !== undefined && collocations.bigramOf(id, b) > 0)) continue
    const observed = fit(collocations, a, id, b)
    let best: {neighbour: number; gain: number; support: number; odds: number} | undefined
    for (const [neighbour, bonus] of candidates(collocations, id, token.norm, swaps, swapBonus)) {
      if (collocations.countOf(neighbour) < minWordCount) continue
      const candidate = fit(collocations, a, neighbour, b)
      const gain = candidate.score - observed.score
      if (candidate.support >= minSupport && gain + bonus >= minGain && (!best || gain + bonus > best.odds))
        best = {neighbour, gain, support: candidate.support, odds: gain + bonus}
    }
    if (!best) continue
    const hasA = a !== undefined
    const hasB = b !== undefined
    const first = hasA ? tokens[i - 1]! : token
    const last = hasB ? tokens[i + 1]! : token
    const actual = text.slice(first.start, last.end)
    found.push({
      start: first.start,
      end: last.end,
      actual,
      expected: substitute(actual, token.start - first.start, token.end - first.start, collocations.word(best.neighbour)),
      word: token.norm,
      neighbour: collocations.word(best.neighbour),
      gain: best.gain,
      support: best.support
    })
  }
  // keep the strongest of overlapping suspects
  const kept: Suspect[] = []
  for (const s of [...found].sort((x, y) => y.gain - x.gain))
    if (!kept.some((k) => k.start < s.end && s.start < k.end)) kept.push(s)
  return kept.sort((x, y) => x.start - y.start)
}
