// The spin score: a probability that a document was spun, from the density of glossary evidence.
// A logistic function of certain-tier hits; see docs/precision.md for how it behaves on clean and spun
// corpora.

import type {Evidence} from '../match/gate.js'

/** Probability-like score in [0, 1]: ~0 without certain evidence, ≥ 0.5 from the gate's threshold on. */
export function spinScore(evidence: Evidence): number {
  const perThousand = evidence.words > 0 ? (1000 * evidence.certain) / evidence.words : 0
  const z = -4 + 2.2 * Math.min(evidence.certain, 5) + 0.15 * Math.min(perThousand, 20)
  return 1 / (1 + Math.exp(-z))
}
