// The compiled glossary: the JSON shape written by the build (dist/glossary.json) and loaded at run time.

import type {Irregulars} from './inflect.js'
import type {Tier} from './types.js'

/** A context condition list: each item is a sequence of word patterns (literal, @class, *suffix, <punct>). */
export type ContextList = string[][]

export interface CompiledContext {
  before?: ContextList
  notBefore?: ContextList
  after?: ContextList
  notAfter?: ContextList
}

/** One glossary entry, as the matcher and the messages need it. */
export interface CompiledRule {
  id: string
  /** glossary file, relative to its root (e.g. `news/institutions.yml`) */
  file: string
  tier: Tier
  canonical: string
  note: string
  source: string
  context?: CompiledContext
}

/** One concrete spun form (after templates and inflection) and what it restores to. */
export interface CompiledForm {
  /** index into `rules` */
  rule: number
  /** normalised words of the spun form */
  words: string[]
  /** exact words (apostrophes unified) when the variant is case-sensitive */
  exact?: string[]
  /** the restored text for this form */
  canonical: string
}

export interface CompiledGlossary {
  version: 1
  rules: CompiledRule[]
  forms: CompiledForm[]
  classes: Record<string, string[]>
  /** irregular forms, kept so users' glossaries compile against the same lexicon */
  irregulars?: Irregulars
}
