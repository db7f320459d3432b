// Discovery as restorations: suspects turned into Changes with confidence `suspected`, leaving out any
// that overlap a glossary restoration. Report-only unless the caller applies them (applySuspected).

import type {CompiledGlossary} from '../glossary/compiled.js'
import type {Change} from '../match/find.js'
import {shippedCollocations} from './shipped.js'
import {findSuspects, type DiscoverOptions} from './suspects.js'
import {glossarySwaps} from './swaps.js'
import {defaultThreshold} from '../score/coefficients.js'

export interface DiscoveryOptions extends DiscoverOptions {
  /**
   * `spun` (default): report suspects only in documents whose spin score reaches `threshold`;
   * `all`: in every document
   */
  scope?: 'spun' | 'all'
  /** spin score from which a document counts as spun for `scope: 'spun'` (default: the spin score's default threshold, 0.5) */
  threshold?: number
}

/**
 * Suspected changes of `text` that no glossary change overlaps, given the document's spin score. With the
 * `glossary`, its one-word swaps are tried as neighbours too (swaps.ts).
 */
export function suspectedChanges(
  text: string,
  glossaryChanges: readonly Change[],
  score: number,
  options: Readonly<DiscoveryOptions> = {},
  glossary?: CompiledGlossary
): Change[] {
  if ((options.scope ?? 'spun') === 'spun' && score < (options.threshold ?? defaultThreshold)) return []
  const swaps = glossary && glossarySwaps(glossary)
  const collocations = shippedCollocations()
  const origin = (word: string, neighbour: string) =>
    collocations.neighbours(word).includes(neighbour) ? 'thesaurus neighbour' : 'a swap the glossary lists in other phrases:'
  return findSuspects(text, collocations, options, swaps)
    .filter((s) => !glossaryChanges.some((c) => c.start < s.end && s.start < c.end))
    .map((s) => ({
      start: s.start,
      end: s.end,
      actual: s.actual,
      expected: s.expected,
      ruleId: `suspected:${s.word}>${s.neighbour}`,
      file: '',
      confidence: 'suspected' as const,
      note: `“${s.actual}” is unusual in clean English while “${s.expected}” is a common collocation (${origin(s.word, s.neighbour)} ${s.word} → ${s.neighbour}, association gain ${s.gain.toFixed(1)})`,
      source: 'discovery'
    }))
}
