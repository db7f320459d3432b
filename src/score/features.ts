// The spin score's inputs: one vector per document from the glossary evidence (certain hits,
// contextual candidates) and an n-gram signal of the collocation statistics (the share of unseen
// bigrams). Densities are per thousand words (with a prior length for short texts), log-compressed. (Discovery's suspect count was tried as a
// feature too: it added nothing measurable and costs more than the rest together; see docs/spin-score.md.)

import {Collocations} from '../discover/collocations.js'
import type {PairIndex} from '../discover/pair-index.js'
import type {Evidence} from '../match/gate.js'

export const featureNames = [
  'log1p(certain hits)',
  'log1p(certain hits per 1000 words)',
  'log1p(contextual candidates per 1000 words)',
  'unseen bigram share (logit)'
] as const

export type Features = number[]

/** Words added to every document's length: a short text's one hit is not read as a high density. */
const lengthPrior = 1000

const perThousand = (count: number, words: number) => Math.log1p((1000 * count) / (words + lengthPrior))

/** The glossary features (the first three), from the evidence alone. */
export function evidenceFeatures(evidence: Evidence): Features {
  return [
    Math.log1p(evidence.certain),
    perThousand(evidence.certain, evidence.words),
    perThousand(evidence.contextual, evidence.words)
  ]
}

/** Every feature of a document, with the n-gram signal from `statistics` (a store or its pair index). */
export function spinFeatures(text: string, evidence: Evidence, statistics: Collocations | PairIndex): Features {
  const {pairs, unseen} = (statistics instanceof Collocations ? statistics.pairIndex() : statistics).signals(text)
  const share = (unseen + 1) / (pairs + 10)
  return [...evidenceFeatures(evidence), Math.log(share / (1 - share))]
}
