// A glossary ready to match: the compiled data, its phrase automaton and its word-class sets.

import {PhraseAutomaton, type AutomatonParts} from '../match/automaton.js'
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
  private readonly sets = new Map<string, {members: ReadonlySet<string>; maxWords: number}>()
  constructor(private readonly classes: Readonly<Record<string, string[]>>) {}

  private built(name: string) {
    let found = this.sets.get(name)
    if (found === undefined && Object.hasOwn(this.classes, name)) {
      const keys = this.classes[name]!.map((m) => phraseWords(m))
      found = {members: new Set(keys.map((words) => words.join(' '))), maxWords: Math.max(1, ...keys.map((words) => words.length))}
      this.sets.set(name, found)
    }
    return found
  }

  get(name: string): ReadonlySet<string> | undefined {
    return this.built(name)?.members
  }

  maxWords(name: string): number {
    return this.built(name)?.maxWords ?? 1
  }
}

/** Build (or restore from the build's saved parts) the automaton and class sets of a compiled glossary, once per glossary set. */
export function prepareGlossary(compiled: CompiledGlossary, automaton?: AutomatonParts): LoadedGlossary {
  return {compiled, automaton: new PhraseAutomaton(compiled.forms, automaton), classSets: new LazyClassSets(compiled.classes)}
}

/** Where the build saves the automaton of a compiled glossary file (`dist/glossary.json` → `dist/glossary.automaton.bin`). */
export const automatonPath = (glossaryJson: string) => glossaryJson.replace(/\.json$/, '') + '.automaton.bin'
