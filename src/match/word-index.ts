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

/** Distinct non-empty prefixes (up to the first unreadable character) of the words: the automaton's states. */
function prefixCount(words: string[]): number {
  const readable = words.map((word) => {
    let n = 0
    while (n < word.length && charClass(word.charCodeAt(n)) >= 0) n++
    return word.slice(0, n)
  })
  readable.sort()
  let count = 0
  let previous = ''
  for (const word of readable) {
    let common = 0
    while (common < word.length && common < previous.length && word.charCodeAt(common) === previous.charCodeAt(common)) common++
    count += word.length - common
    previous = word
  }
  return count
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

export class WordIndex {
  private readonly ids = new Map<string, number>()
  /**
   * transitions[state * classes + class] → next state; 0 is the dead state, 1 the start. Sized exactly
   * (one state per distinct prefix), 16-bit when the states fit: a few MB per thread for the bundled glossary.
   */
  readonly transitions: Uint16Array | Int32Array
  /** word id accepted in each state, or -1 */
  private readonly accepting: Int32Array
  private states = 2

  constructor(words: Iterable<string>) {
    const vocabulary = [...new Set(words)]
    const count = 2 + prefixCount(vocabulary)
    this.transitions = count < 65536 ? new Uint16Array(count * classes) : new Int32Array(count * classes)
    this.accepting = new Int32Array(count).fill(-1)
    for (const word of vocabulary) this.add(word)
  }

  get size(): number {
    return this.ids.size
  }

  /** Give `word` the next id and a path through the automaton (when it has only readable characters). */
  private add(word: string): void {
    const id = this.ids.size
    this.ids.set(word, id)
    let state = 1
    for (let i = 0; i < word.length; i++) {
      const c = charClass(word.charCodeAt(i))
      if (c < 0) return // only in the Map
      let next = this.transitions[state * classes + c]!
      if (next === 0) {
        next = this.states++
        this.transitions[state * classes + c] = next
      }
      state = next
    }
    this.accepting[state] = id
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
