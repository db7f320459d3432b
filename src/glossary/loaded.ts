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

/** Word classes, each turned into a set of normalised keys on first use ("U.S." → "u.s", "’" → "'"). */
class LazyClassSets implements ClassSets {
  private readonly sets = new Map<string, ReadonlySet<string>>()
  constructor(private readonly classes: Readonly<Record<string, string[]>>) {}

  get(name: string): ReadonlySet<string> | undefined {
    let set = this.sets.get(name)
    if (set === undefined && Object.hasOwn(this.classes, name)) {
      set = new Set(this.classes[name]!.map((m) => phraseWords(m).join(' ')))
      this.sets.set(name, set)
    }
    return set
  }
}

/** Build the automaton and class sets of a compiled glossary (done once per glossary set). */
export function prepareGlossary(compiled: CompiledGlossary): LoadedGlossary {
  return {compiled, automaton: new PhraseAutomaton(compiled.forms), classSets: new LazyClassSets(compiled.classes)}
}
