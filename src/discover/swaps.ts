// The spinner's own word swaps, read off the glossary: every spun form that differs from its canonical
// phrase in exactly one word records a substitution (`sure` → `certain`, `brief` → `short`). A spinner
// reuses its synonym dictionary everywhere, so a swap listed in one phrase is a likely original for the
// same word in phrases nobody listed; discovery tries these words as neighbours next to WordNet's.

import type {CompiledGlossary} from '../glossary/compiled.js'
import {phraseWords} from '../match/tokenize.js'

/** Spun word → the canonical words it replaced in some glossary form. */
export type Swaps = ReadonlyMap<string, readonly string[]>

const cache = new WeakMap<CompiledGlossary, Swaps>()

/** The one-word swaps of a glossary's forms, leaving out the entries `skip` names (by id). */
export function glossarySwaps(glossary: CompiledGlossary, skip?: ReadonlySet<string>): Swaps {
  const cached = skip ? undefined : cache.get(glossary)
  if (cached) return cached
  const swaps = new Map<string, string[]>()
  for (const form of glossary.forms) {
    if (skip?.has(glossary.rules[form.rule]!.id)) continue
    const canonical = phraseWords(form.canonical)
    if (canonical.length !== form.words.length) continue
    let at = -1
    for (let k = 0; k < canonical.length; k++) {
      if (canonical[k] === form.words[k]) continue
      if (at !== -1) {
        at = -2
        break
      }
      at = k
    }
    if (at < 0) continue
    const [word, original] = [form.words[at]!, canonical[at]!]
    const known = swaps.get(word)
    if (!known) swaps.set(word, [original])
    else if (!known.includes(original)) known.push(original)
  }
  if (!skip) cache.set(glossary, swaps)
  return swaps
}
