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

/** Class of a lower-case char code, or -1 (the automaton cannot read it). */
export function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97
  if (code >= 48 && code <= 57) return code - 22
  if (code === 39) return 36
  if (code === 45) return 37
  if (code === 46) return 38
  return -1
}

export class WordIndex {
  private readonly ids = new Map<string, number>()
  /** transitions[state * classes + class] → next state; 0 is the dead state, 1 the start */
  transitions: Int32Array
  /** word id accepted in each state, or -1 */
  private accepting: Int32Array
  private states = 2

  constructor(words: Iterable<string>) {
    this.transitions = new Int32Array(1024 * classes)
    this.accepting = new Int32Array(1024).fill(-1)
    for (const word of words) this.add(word)
    this.transitions = this.transitions.slice(0, this.states * classes)
    this.accepting = this.accepting.slice(0, this.states)
  }

  get size(): number {
    return this.ids.size
  }

  /** The id of `word` (added if new). */
  private add(word: string): number {
    const known = this.ids.get(word)
    if (known !== undefined) return known
    const id = this.ids.size
    this.ids.set(word, id)
    let state = 1
    for (let i = 0; i < word.length; i++) {
      const c = charClass(word.charCodeAt(i))
      if (c < 0) return id // only in the Map
      let next = this.transitions[state * classes + c]!
      if (next === 0) {
        next = this.newState()
        this.transitions[state * classes + c] = next
      }
      state = next
    }
    this.accepting[state] = id
    return id
  }

  private newState(): number {
    if (this.states === this.accepting.length) {
      const transitions = new Int32Array(this.transitions.length * 2)
      transitions.set(this.transitions)
      this.transitions = transitions
      const accepting = new Int32Array(this.accepting.length * 2).fill(-1)
      accepting.set(this.accepting)
      this.accepting = accepting
    }
    return this.states++
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
