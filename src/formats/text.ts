// Plain-text documents: the whole input is the text view, so analyze() applies directly.

import {analyze, type Options} from '../analyze.js'
import type {DocumentResult} from './document.js'

/** Restore a plain-text document. */
export function analyzeText(source: string, options: Readonly<Options> = {}): DocumentResult {
  const result = analyze(source, options)
  return {
    output: result.text,
    changes: result.changes,
    unfixable: [],
    // lazy, as in analyze(): the spin score costs more than the restoration and most callers never read it
    get score() {
      return result.score
    },
    spun: result.spun,
    evidence: result.evidence
  }
}
