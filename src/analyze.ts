// The public analysis API: analyze(text) reports every restoration (where, what, why) and the restored
// text; normalize(text) returns just the restored text.

import {applyFixes} from './fix/apply-fixes.js'
import {loadGlossary, type GlossaryOptions} from './glossary/load.js'
import {findChanges, type Change, type FindOptions} from './match/find.js'
import type {Evidence} from './match/gate.js'
import {spinScore} from './score/spin-score.js'

export interface Options extends GlossaryOptions, FindOptions {}

export interface Analysis {
  /** the restored text */
  text: string
  /** restorations, in text order, with offsets into the input */
  changes: Change[]
  /** probability-like spin score in [0, 1] */
  score: number
  /** whether the document was judged spun (the evidence gate opened) */
  spun: boolean
  evidence: Evidence
}

/** Find and apply every restoration in `text`. */
export function analyze(text: string, options: Readonly<Options> = {}): Analysis {
  if (typeof text !== 'string') throw new TypeError('unspin: expected a string')
  const {loaded} = loadGlossary(options)
  const found = findChanges(text, loaded, options)
  const {output} = applyFixes(
    text,
    found.changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))
  )
  return {text: output, changes: found.changes, score: spinScore(found.evidence), spun: found.gateOpen, evidence: found.evidence}
}

/** The restored text: every character outside the restorations stays as it was. */
export function normalize(text: string, options: Readonly<Options> = {}): string {
  return analyze(text, options).text
}
