// A glossary ready to match: the compiled data, its phrase automaton and its word-class sets.

import {PhraseAutomaton} from '../match/automaton.js'
import type {ClassSets} from '../match/context.js'
import {phraseWords} from '../match/tokenize.js'
import type {CompiledGlossary} from './compiled.js'

export interface LoadedGlossary {
  compiled: CompiledGlossary
  automaton: PhraseAutomaton
  classSets: ClassSets
}

/** Build the automaton and class sets of a compiled glossary (done once per glossary set). */
export function prepareGlossary(compiled: CompiledGlossary): LoadedGlossary {
  // members get the same key as text tokens ("U.S." → "u.s", "’" → "'")
  const classSets = new Map(
    Object.entries(compiled.classes).map(([name, members]) => [name, new Set(members.map((m) => phraseWords(m).join(' ')))])
  )
  return {compiled, automaton: new PhraseAutomaton(compiled.forms), classSets}
}
