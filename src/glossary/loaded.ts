// A glossary ready to match: its rules and forms by index, its phrase automaton and its word-class sets
// — built from a compiled glossary, or restored from the build's saved file without parsing the JSON.

import {PhraseAutomaton} from '../match/automaton.js'
import type {ClassSets} from '../match/context.js'
import {phraseWords} from '../match/tokenize.js'
import type {CompiledGlossary} from './compiled.js'
import {arrayRecords, SavedRecords, type GlossaryRecords} from './records.js'
import type {SavedGlossary} from './saved-file.js'

export interface LoadedGlossary {
  /** the whole compiled glossary (read on first use when restored from the build's saved file) */
  readonly compiled: CompiledGlossary
  /** rules and forms by index, what the matcher reads */
  readonly records: GlossaryRecords
  readonly automaton: PhraseAutomaton
  readonly classSets: ClassSets
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

/** Build the automaton and class sets of a compiled glossary, once per glossary set. */
export function prepareGlossary(compiled: CompiledGlossary): LoadedGlossary {
  return {compiled, records: arrayRecords(compiled), automaton: new PhraseAutomaton(compiled.forms), classSets: new LazyClassSets(compiled.classes)}
}

/** A glossary restored from the build's saved file; `whole` reads the compiled JSON if something asks for all of it. */
export function restoreGlossary(saved: SavedGlossary, whole: () => CompiledGlossary): LoadedGlossary {
  let compiled: CompiledGlossary | undefined
  return {
    get compiled() {
      return (compiled ??= whole())
    },
    records: new SavedRecords(saved.records),
    automaton: new PhraseAutomaton(saved.automaton),
    classSets: new LazyClassSets(saved.classes)
  }
}

/** Where the build saves the automaton and records of a compiled glossary file (`dist/glossary.json` → `dist/glossary.automaton.bin`). */
export const automatonPath = (glossaryJson: string) => glossaryJson.replace(/\.json$/, '') + '.automaton.bin'
