// The spin score: a calibrated probability that a document was spun, from the density of glossary
// evidence per tier and the n-gram signals of the shipped collocation statistics, by logistic
// regression fitted with scripts/calibrate-score.mjs (coefficients in ./coefficients.ts; method and
// measurements in docs/spin-score.md).

import type {Collocations} from '../discover/collocations.js'
import {shippedPairIndex} from '../discover/shipped.js'
import type {Evidence} from '../match/gate.js'
import {evidenceModel, fullModel} from './coefficients.js'
import {evidenceFeatures, spinFeatures} from './features.js'
import {predict} from './logistic.js'

/**
 * Probability in [0, 1] that the document was spun. With its `text`, every signal is used (n-grams from
 * the shipped statistics unless `collocations` is given); without it (callers that only hold the
 * evidence), the glossary-only model fitted on the same data.
 */
export function spinScore(evidence: Evidence, text?: string, collocations?: Collocations): number {
  if (text === undefined) return predict(evidenceModel, evidenceFeatures(evidence))
  return predict(fullModel, spinFeatures(text, evidence, collocations ?? shippedPairIndex()))
}
