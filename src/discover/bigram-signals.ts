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
  let previous: number | undefined
  for (let i = 0; i < tokens.length; i++) {
    const id = collocations.id(tokens[i]!.norm)
    const known = id !== undefined && collocations.countOf(id) >= minWordCount ? id : undefined
    if (known !== undefined && previous !== undefined && isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)) {
      pairs++
      if (collocations.bigramOf(previous, known) === 0) unseen++
    }
    previous = known
  }
  return {pairs, unseen}
}
