// A markup document's result from its located restorations: the fixable ones applied to the original
// source (each verified against the text it replaces, the replacement escaped for the markup),
// everything else byte for byte as it was.

import {applyFixes} from '../fix/apply-fixes.js'
import type {Change} from '../match/find.js'
import {spinScore} from '../score/spin-score.js'
import type {LocateResult, LocatedChange} from '../unified/locate-changes.js'
import type {DocumentResult} from './document.js'

const inSource = (l: LocatedChange<unknown>): Change => ({...l.change, start: l.start, end: l.end})

/**
 * Edit `source` at the located offsets, writing each replacement through `escape` (so a user's entry
 * such as `R&D` or `C*` stays text in the markup); changes that cannot be applied there are unfixable.
 */
export function locatedResult(
  source: string,
  {located, evidence, gateOpen}: LocateResult<unknown>,
  escape: (text: string) => string
): DocumentResult {
  const fixes = located
    .filter((l) => l.fixable)
    .map((l) => ({range: [l.start, l.end] as const, text: escape(l.change.expected), actual: l.change.actual, located: l}))
  const {output, applied, remaining} = applyFixes(source, fixes)
  const unfixable = [...located.filter((l) => !l.fixable), ...remaining.map((f) => f.located)].sort((a, b) => a.start - b.start)
  return {
    output,
    changes: applied.map((f) => inSource(f.located)),
    unfixable: unfixable.map(inSource),
    score: spinScore(evidence),
    spun: gateOpen,
    evidence
  }
}
