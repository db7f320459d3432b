// A document-level n-gram signal for the spin score: among adjacent pairs of known words (no
// punctuation between), how many were never seen together in the clean corpora.

import {isJoiningGap, tokenize} from '../match/tokenize.js'
import type {Collocations} from './collocations.js'

export interface BigramSignals {
  /** adjacent pairs whose words are both in the vocabulary (seen at least `minWordCount` times) */
  pairs: number
  /** of those, pairs unseen in the corpora */
  unseen: number
}

export function bigramSignals(text: string, collocations: Collocations, minWordCount = 3): BigramSignals {
  const tokens = tokenize(text)
  let pairs = 0
  let unseen = 0
  for (let i = 1; i < tokens.length; i++) {
    if (!isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)) continue
    const a = tokens[i - 1]!.norm
    const b = tokens[i]!.norm
    if (collocations.count(a) < minWordCount || collocations.count(b) < minWordCount) continue
    pairs++
    if (collocations.bigram(a, b) === 0) unseen++
  }
  return {pairs, unseen}
}
