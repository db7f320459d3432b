// The glossary's vocabulary (every normalised word of every spun form) with a dense id per word, and
// the same vocabulary as a character automaton over lower-case ASCII word characters. The tokenizer
// walks the automaton while it scans a word, so each token arrives with its word id (or -1) without
// building or hashing a string; words with other characters are looked up in a Map instead.

/** Character classes of the automaton: a–z, 0–9, apostrophe, hyphen, period (initialisms). */
export const classes = 39
export const apostropheClass = 36
export const hyphenClass = 37

/** Class of each ASCII char code as a word character (either case), or -1. */
export const asciiWordClass = Int8Array.from({length: 128}, (_, c) =>
  c >= 97 && c <= 122 ? c - 97 : c >= 65 && c <= 90 ? c - 65 : c >= 48 && c <= 57 ? c - 22 : -1
)

/** The longest prefix of `word` the automaton can read. */
function readablePrefix(word: string): string {
  let n = 0
  while (n < word.length && charClass(word.charCodeAt(n)) >= 0) n++
  return n === word.length ? word : word.slice(0, n)
}

/** Length of the common prefix of two strings. */
function commonPrefix(a: string, b: string): number {
  let n = 0
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++
  return n
}

/** Class of a lower-case char code, or -1 (the automaton cannot read it). */
export function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97
  if (code >= 48 && code <= 57) return code - 22
  if (code === 39) return 36
  if (code === 45) return 37
  if (code === 46) return 38
  return -1
}

/** What a WordIndex is made of: saved by the build (glossary/saved-file.ts) so that loading it is cheap. */
export interface WordIndexParts {
  /** the words, by id */
  vocabulary: string[]
  transitions: Uint16Array | Int32Array
  accepting: Int32Array
}

export class WordIndex {
  private readonly ids = new Map<string, number>()
  private readonly vocabulary: string[]
  /**
   * transitions[state * classes + class] → next state; 0 is the dead state, 1 the start. Sized exactly
   * (one state per distinct prefix), 16-bit when the states fit: a few MB per thread for the bundled glossary.
   */
  readonly transitions: Uint16Array | Int32Array
  /** word id accepted in each state, or -1 */
  private readonly accepting: Int32Array

  /** Build from the words of the spun forms, or restore from saved parts. */
  constructor(source: Iterable<string> | WordIndexParts) {
    if ('transitions' in source) {
      this.vocabulary = source.vocabulary
      this.vocabulary.forEach((word, id) => this.ids.set(word, id))
      this.transitions = source.transitions
      this.accepting = source.accepting
      return
    }
    const vocabulary = [...new Set(source)]
    this.vocabulary = vocabulary
    vocabulary.forEach((word, id) => this.ids.set(word, id))
    // the automaton is a trie of the readable prefixes, built in sorted order: one state per new character
    const paths = vocabulary.map((word, id) => {
      const prefix = readablePrefix(word)
      return {prefix, id: prefix === word ? id : -1}
    })
    paths.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0))
    let count = 2
    for (let i = 0; i < paths.length; i++) count += paths[i]!.prefix.length - (i > 0 ? commonPrefix(paths[i]!.prefix, paths[i - 1]!.prefix) : 0)
    this.transitions = count < 65536 ? new Uint16Array(count * classes) : new Int32Array(count * classes)
    this.accepting = new Int32Array(count).fill(-1)
    let states = 2
    const along = [1] // along[k]: the state after the first k characters of the previous prefix
    let previous = ''
    for (const {prefix, id} of paths) {
      for (let k = commonPrefix(prefix, previous); k < prefix.length; k++) {
        const next = states++
        this.transitions[along[k]! * classes + charClass(prefix.charCodeAt(k))] = next
        along[k + 1] = next
      }
      if (id >= 0) this.accepting[along[prefix.length]!] = id
      previous = prefix
    }
  }

  get size(): number {
    return this.ids.size
  }

  parts(): WordIndexParts {
    return {vocabulary: this.vocabulary, transitions: this.transitions, accepting: this.accepting}
  }

  /** Id of a normalised word, or -1. */
  idOf(word: string): number {
    return this.ids.get(word) ?? -1
  }

  /** The start state of the automaton. */
  static readonly start = 1

  /** Word id accepted in `state`, or -1. */
  accept(state: number): number {
    return this.accepting[state]!
  }
}
