// Types of the glossary as written by people (raw files) and as compiled for matching.

/** Confidence tier of an entry: `certain` always fires; `contextual` needs the evidence gate open. */
export type Tier = 'certain' | 'contextual'

/** Forms `inflect` can add: verbs `s`, `ed`, `ing`; nouns `plural`. */
export type InflectForm = 's' | 'ed' | 'ing' | 'plural'

/** Context conditions on the words around a match (see dictionaries/README.md). */
export interface RawContext {
  before?: string[]
  notBefore?: string[]
  after?: string[]
  notAfter?: string[]
}

/** An example that runs as a test: either `spun` + `restored`, or a `clean` sentence that must not change. */
export type RawExample = {spun: string; restored: string} | {clean: string}

/** One entry as written in a glossary file. */
export interface RawEntry {
  id: string
  canonical: string
  variants: string[]
  tier: Tier
  inflect?: 'noun' | 'verb' | InflectForm[]
  context?: RawContext
  note?: string
  source?: string
  examples?: RawExample[]
}

/** One glossary file as written (YAML or JSON). */
export interface RawGlossaryFile {
  topic: string
  source?: string
  classes?: Record<string, string[]>
  entries?: RawEntry[]
}

/** Result of reading a foreign glossary format (PPS CSV, TSV): usable entries and explained rejects. */
export interface ImportResult {
  entries: RawEntry[]
  rejected: Array<{line: number; text: string; reason: string}>
}
