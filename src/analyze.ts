// The public analysis API: analyze(text) reports every restoration (where, what, why) and the restored
// text; normalize(text) returns just the restored text.

import {applyFixes} from './fix/apply-fixes.js'
import {loadGlossary, type GlossaryOptions} from './glossary/load.js'
import {findChanges, type Change, type FindOptions} from './match/find.js'
import type {Evidence} from './match/gate.js'
import {spinScore} from './score/spin-score.js'
import {suspectedChanges, type DiscoveryOptions} from './discover/suspected-changes.js'

export interface Options extends GlossaryOptions, FindOptions {
  /** also report suspected unlisted artifacts (confidence `suspected`, see docs/discovery.md); default off */
  discover?: boolean | DiscoveryOptions
  /** apply the suspected changes too (with `discover`); default false: they are only reported */
  applySuspected?: boolean
}

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

/**
 * Find and apply every restoration in `text`. `score` is computed on first read (its n-gram signals
 * cost as much as the matching itself), so callers that only need the text or the changes skip it.
 */
export function analyze(text: string, options: Readonly<Options> = {}): Analysis {
  if (typeof text !== 'string') throw new TypeError('unspin: expected a string')
  const {loaded} = loadGlossary(options)
  const found = findChanges(text, loaded, options)
  let score: number | undefined
  const scoreOf = () => (score ??= spinScore(found.evidence, text))
  let changes = found.changes
  if (options.discover) {
    const suspected = suspectedChanges(text, found.changes, scoreOf(), options.discover === true ? {} : options.discover, loaded.compiled)
    if (suspected.length > 0) changes = [...changes, ...suspected].sort((a, b) => a.start - b.start)
  }
  const applied = options.applySuspected ? changes : found.changes
  const {output} = applyFixes(
    text,
    applied.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))
  )
  const result = {text: output, changes, spun: found.gateOpen, evidence: found.evidence} as Analysis
  Object.defineProperty(result, 'score', {enumerable: true, configurable: true, get: scoreOf})
  return result
}

/** The restored text: every character outside the restorations stays as it was. */
export function normalize(text: string, options: Readonly<Options> = {}): string {
  return analyze(text, options).text
}
