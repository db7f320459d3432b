// The matcher: tokens → candidates (automaton) → case and context checks → evidence gate → longest,
// non-overlapping selection → changes with restored casing. Every entry point (normalize, analyze,
// the retext/remark/rehype plugins, the CLI) goes through findChanges.

import type {LoadedGlossary} from '../glossary/loaded.js'
import type {Candidate} from './automaton.js'
import {restoreCasing} from './casing.js'
import {contextHolds} from './context.js'
import {gateOpen, type Evidence, type GateOptions} from './gate.js'
import {tokenize, type Token} from './tokenize.js'
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
  confidence: Tier
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
  const {id, file} = glossary.compiled.rules[rule]!
  return disable.some((d) => d === id || (d.startsWith('file:') && file.startsWith(d.slice(5))))
}

/** Valid candidates grouped by first token, best first (longest, case-sensitive, certain). */
function validCandidates(text: string, tokens: Token[], glossary: LoadedGlossary, options: FindOptions): Candidate[][] {
  const byStart: Candidate[][] = []
  const scratch: Candidate[] = []
  const {automaton, compiled, classSets} = glossary
  for (let i = 0; i < tokens.length; i++) {
    if (!automaton.starts(tokens[i]!.norm)) continue
    scratch.length = 0
    automaton.matchesAt(text, tokens, i, scratch)
    const valid: Candidate[] = []
    for (const candidate of scratch) {
      const form = compiled.forms[candidate.form]!
      if (form.exact && !exactMatches(text, tokens, candidate, form.exact)) continue
      const rule = compiled.rules[form.rule]!
      if (isDisabled(glossary, form.rule, options.disable)) continue
      if (!contextHolds(rule.context, text, tokens, candidate.first, candidate.last, classSets)) continue
      valid.push(candidate)
    }
    if (valid.length === 0) continue
    valid.sort((a, b) => {
      if (a.end !== b.end) return b.end - a.end
      const fa = compiled.forms[a.form]!
      const fb = compiled.forms[b.form]!
      if (Boolean(fa.exact) !== Boolean(fb.exact)) return fa.exact ? -1 : 1
      const ta = compiled.rules[fa.rule]!.tier
      const tb = compiled.rules[fb.rule]!.tier
      if (ta !== tb) return ta === 'certain' ? -1 : 1
      return a.form - b.form
    })
    byStart[i] = valid
  }
  return byStart
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
function select(byStart: Candidate[][], count: number, allow: (c: Candidate) => boolean): Candidate[] {
  const chosen: Candidate[] = []
  for (let i = 0; i < count; i++) {
    const here = byStart[i]
    if (!here) continue
    const best = here.find(allow)
    if (!best) continue
    chosen.push(best)
    i = best.last
  }
  return chosen
}

/** Find the restorations in `text` (a whole document: the evidence gate is per call). */
export function findChanges(text: string, glossary: LoadedGlossary, options: FindOptions = {}): FindResult {
  const tokens = tokenize(text)
  const byStart = validCandidates(text, tokens, glossary, options)
  const tierOf = (c: Candidate) => glossary.compiled.rules[glossary.compiled.forms[c.form]!.rule]!.tier
  const certain = select(byStart, tokens.length, (c) => tierOf(c) === 'certain')
  let contextual = 0
  for (const here of byStart) if (here?.some((c) => tierOf(c) === 'contextual')) contextual++
  const evidence: Evidence = {certain: certain.length, contextual, words: tokens.length}
  const open = gateOpen(evidence, options)
  const chosen = open ? select(byStart, tokens.length, () => true) : certain
  const changes: Change[] = []
  for (const c of chosen) {
    const form = glossary.compiled.forms[c.form]!
    const rule = glossary.compiled.rules[form.rule]!
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
