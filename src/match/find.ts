// The matcher: tokens → candidates (automaton) → case and context checks → evidence gate → longest,
// non-overlapping selection → changes with restored casing, repeated on its own output until nothing
// changes (compose.ts). Every entry point (normalize, analyze, the retext/remark/rehype plugins, the
// CLI) goes through findChanges.

import type {LoadedGlossary} from '../glossary/loaded.js'
import type {Candidate} from './automaton.js'
import {restoreCasing} from './casing.js'
import {applyChanges, composeChanges} from './compose.js'
import {contextHolds} from './context.js'
import {gateOpen, type Evidence, type GateOptions} from './gate.js'
import {pieces} from './pieces.js'
import {tokenize, TokenPool, type Token} from './tokenize.js'
import type {Tier} from '../glossary/types.js'

/** One restoration: replace text[start, end) (`actual`) with `expected`. */
export interface Change {
  start: number
  end: number
  actual: string
  expected: string
  /** glossary entry id */
  ruleId: string
  /** glossary file the entry comes from */
  file: string
  /** glossary tier, or `suspected` for discovery findings (reported, applied only on request) */
  confidence: Tier | 'suspected'
  note: string
  source: string
}

export interface FindOptions extends GateOptions {
  /** entry ids or `file:<glossary file>` (prefix match) to leave out */
  disable?: readonly string[]
}

export interface FindResult {
  changes: Change[]
  evidence: Evidence
  gateOpen: boolean
}

function isDisabled(glossary: LoadedGlossary, rule: number, disable: readonly string[] | undefined): boolean {
  if (!disable || disable.length === 0) return false
  const {id, file} = glossary.records.rule(rule)
  return disable.some((d) => d === id || (d.startsWith('file:') && file.startsWith(d.slice(5))))
}

/** Valid candidates at each token, best first (longest, case-sensitive, certain). Sparse: only tokens with some. */
function validCandidates(text: string, tokens: Token[], glossary: LoadedGlossary, options: FindOptions): Array<[number, Candidate[]]> {
  const found: Array<[number, Candidate[]]> = []
  const scratch: Candidate[] = []
  const {automaton, records, classSets} = glossary
  for (let i = 0; i < tokens.length; i++) {
    if (automaton.matchesAt(text, tokens, i, scratch) === 0) continue
    const valid: Candidate[] = []
    for (const candidate of scratch) {
      const form = records.form(candidate.form)
      if (form.exact && !exactMatches(text, tokens, candidate, form.exact)) continue
      const rule = records.rule(form.rule)
      if (isDisabled(glossary, form.rule, options.disable)) continue
      if (!contextHolds(rule.context, text, tokens, candidate.first, candidate.last, classSets)) continue
      valid.push(candidate)
    }
    scratch.length = 0
    if (valid.length === 0) continue
    valid.sort((a, b) => {
      if (a.end !== b.end) return b.end - a.end
      const fa = records.form(a.form)
      const fb = records.form(b.form)
      if (Boolean(fa.exact) !== Boolean(fb.exact)) return fa.exact ? -1 : 1
      const ta = records.rule(fa.rule).tier
      const tb = records.rule(fb.rule).tier
      if (ta !== tb) return ta === 'certain' ? -1 : 1
      return a.form - b.form
    })
    found.push([i, valid])
  }
  return found
}

function exactMatches(text: string, tokens: Token[], c: Candidate, exact: readonly string[]): boolean {
  for (let k = 0; k < exact.length; k++) {
    const token = tokens[c.first + k]!
    const end = c.first + k === c.last ? c.end : token.end
    const word = text.slice(token.start, end).replace(/[’ʼ]/g, "'").replace(/[‐‑]/g, '-')
    if (word !== exact[k]) return false
  }
  return true
}

/** Greedy left-to-right selection: at each token the best candidate allowed by `allow`, never overlapping. */
function select(found: Array<[number, Candidate[]]>, allow: (c: Candidate) => boolean): Candidate[] {
  const chosen: Candidate[] = []
  let next = 0
  for (const [i, here] of found) {
    if (i < next) continue
    const best = here.find(allow)
    if (!best) continue
    chosen.push(best)
    next = best.last + 1
  }
  return chosen
}

/** Token objects reused by every round and piece (a piece's tokens are done with before the next is read). */
const pool = new TokenPool()

/** Rounds of matching at most (a restoration rarely completes a phrase with its neighbours; two rounds settle it). */
const maxRounds = 4

/**
 * Find the restorations in `text` (a whole document: the evidence gate is per call). The matcher runs
 * again on its own output until nothing changes, so that restoring is idempotent (see compose.ts);
 * evidence and gate are the first round's.
 */
export function findChanges(text: string, glossary: LoadedGlossary, options: FindOptions = {}): FindResult {
  const result = findRound(text, glossary, options)
  let changes = result.changes
  for (let round = 1; round < maxRounds && changes.length > 0; round++) {
    const composed = composeChanges(text, changes, findRound(applyChanges(text, changes), glossary, options).changes)
    if (composed === null) break
    changes = composed
  }
  return {...result, changes}
}

/** One round of matching over the whole text. */
function findRound(text: string, glossary: LoadedGlossary, options: FindOptions): FindResult {
  const {records} = glossary
  const tierOf = (c: Candidate) => records.rule(records.form(c.form).rule).tier
  const certain: Candidate[] = []
  const all: Candidate[] = []
  let contextual = 0
  let words = 0
  for (const [from, to] of pieces(text)) {
    // no lower-cased copy of the text: word ids come from the automaton, and few tokens need a norm
    const tokens = tokenize(text, from, to, null, glossary.automaton.words, pool)
    words += tokens.length
    const found = validCandidates(text, tokens, glossary, options)
    for (const [, here] of found) if (here.some((c) => tierOf(c) === 'contextual')) contextual++
    certain.push(...select(found, (c) => tierOf(c) === 'certain'))
    all.push(...select(found, () => true))
  }
  const evidence: Evidence = {certain: certain.length, contextual, words}
  const open = gateOpen(evidence, options)
  const changes: Change[] = []
  for (const c of open ? all : certain) {
    const form = records.form(c.form)
    const rule = records.rule(form.rule)
    const actual = text.slice(c.start, c.end)
    const expected = restoreCasing(actual, form.canonical, Boolean(form.exact))
    if (expected === actual) continue
    changes.push({
      start: c.start,
      end: c.end,
      actual,
      expected,
      ruleId: rule.id,
      file: rule.file,
      confidence: rule.tier,
      note: rule.note,
      source: rule.source
    })
  }
  return {changes, evidence, gateOpen: open}
}
