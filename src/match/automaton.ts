// The glossary-wide phrase automaton: a trie over word ids (see word-index.ts), built once per glossary
// set, that finds every candidate span in one left-to-right pass over the tokens of raw text. Tokens
// must come from tokenize(…, automaton.words), which reads each word's id during the scan. Trie nodes
// are numbers; the root's children are a direct array by word id, every other edge (node, word) → node
// lives in one open-addressing table of int triples, so a step is two multiplies, a mask and a compare
// or two within one cache line. Possessive `'s` on the last word is matched against
// the bare form and carried over to the replacement.

import type {CompiledForm} from '../glossary/compiled.js'
import {isJoiningGap, matchEnd, type Token} from './tokenize.js'
import {WordIndex, type WordIndexParts} from './word-index.js'

/** A span the glossary knows: tokens first..last, with the possessive suffix left out of the edit. */
export interface Candidate {
  form: number
  first: number
  last: number
  start: number
  end: number
  /** `'s` / `’s` kept after the replacement, or '' */
  suffix: string
}

/** Node 0 is the root. */
const root = 0

/** What a PhraseAutomaton is made of besides its forms: saved by the build (glossary/saved-file.ts). */
export interface AutomatonParts {
  words: WordIndexParts
  /** forms ending at node n: formIds[formStart[n] .. formStart[n + 1]) */
  formStart: Int32Array
  formIds: Int32Array
  hasNext: Uint8Array
  /** the root's children by word id (-1: none), read directly: two tokens in three start at the root */
  rootChild: Int32Array
  /** edge table: slots of three ints (node + 1, word, target node); node + 1 = 0 marks an empty slot */
  edges: Int32Array
  /** bitset of the edges' hashes (see PhraseAutomaton.filter) */
  filter: Int32Array
}

export class PhraseAutomaton {
  /** the vocabulary of the spun forms: tokenize with it */
  readonly words: WordIndex
  /** forms ending at node n: formIds[formStart[n] .. formStart[n + 1]) */
  private readonly formStart: Int32Array
  private readonly formIds: Int32Array
  /** whether a node has children */
  private readonly hasNext: Uint8Array
  private readonly rootChild: Int32Array
  /** edge table: slots of three ints (node + 1, word, target), open addressing; one cache line per probe */
  private readonly edges: Int32Array
  private readonly mask: number
  /**
   * One bit per hash of (node, word) of every edge, about 8 bits per edge: most steps past the first
   * word fail (the phrase does not go on), and this small bitset (32 KiB for the bundled glossary, in
   * the L2 cache) answers most of them without touching the edge table.
   */
  private readonly filter: Int32Array
  private readonly filterMask: number

  /** Build over a glossary's forms, or restore from the parts saved for them. */
  constructor(source: readonly CompiledForm[] | AutomatonParts) {
    if (!Array.isArray(source)) {
      const parts = source as AutomatonParts
      this.words = new WordIndex(parts.words)
      ;({formStart: this.formStart, formIds: this.formIds, hasNext: this.hasNext, rootChild: this.rootChild, edges: this.edges, filter: this.filter} = parts)
      this.mask = this.edges.length / 3 - 1
      this.filterMask = this.filter.length * 32 - 1
      return
    }
    const forms = source as readonly CompiledForm[]
    this.words = new WordIndex(forms.flatMap((form) => form.words))
    const edges = new Map<string, [node: number, word: number, child: number]>()
    const formsAt: Array<number[] | undefined> = [undefined]
    forms.forEach((form, index) => {
      let node = root
      for (const word of form.words) {
        const id = this.words.idOf(word)
        const key = `${node} ${id}`
        let edge = edges.get(key)
        if (edge === undefined) {
          edge = [node, id, formsAt.length]
          formsAt.push(undefined)
          edges.set(key, edge)
        }
        node = edge[2]
      }
      ;(formsAt[node] ??= []).push(index)
    })
    this.formStart = new Int32Array(formsAt.length + 1)
    formsAt.forEach((list, node) => (this.formStart[node + 1] = this.formStart[node]! + (list?.length ?? 0)))
    this.formIds = Int32Array.from(formsAt.flatMap((list) => list ?? []))
    let size = 1024
    while (size < edges.size * 1.5) size *= 2
    this.mask = size - 1
    this.edges = new Int32Array(size * 3)
    this.hasNext = new Uint8Array(formsAt.length)
    this.rootChild = new Int32Array(this.words.size).fill(-1)
    for (const [node, word, child] of edges.values()) {
      this.hasNext[node] = 1
      if (node === root) {
        this.rootChild[word] = child
        continue
      }
      let slot = this.slot(node, word)
      while (this.edges[slot * 3] !== 0) slot = (slot + 1) & this.mask
      this.edges[slot * 3] = node + 1
      this.edges[slot * 3 + 1] = word
      this.edges[slot * 3 + 2] = child
    }
    this.filter = edgeFilter(this.edges)
    this.filterMask = this.filter.length * 32 - 1
  }

  parts(): AutomatonParts {
    const {formStart, formIds, hasNext, rootChild, edges, filter} = this
    return {words: this.words.parts(), formStart, formIds, hasNext, rootChild, edges, filter}
  }

  private slot(node: number, word: number): number {
    return edgeHash(node, word) & this.mask
  }

  /** The node after word `id` from `node`, or -1. */
  private child(node: number, id: number): number {
    if (id < 0) return -1
    if (node === root) return this.rootChild[id]!
    const hash = edgeHash(node, id)
    const bit = hash & this.filterMask
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1
    const edges = this.edges
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 3
      const from = edges[at]!
      if (from === 0) return -1
      if (from === node + 1 && edges[at + 1] === id) return edges[at + 2]!
    }
  }

  /** Push every form matching at token `first` onto `out` (shortest first); returns how many. */
  matchesAt(text: string, tokens: readonly Token[], first: number, out: Candidate[]): number {
    const before = out.length
    const start = tokens[first]!.start
    let node = root
    for (let j = first; j < tokens.length; j++) {
      const token = tokens[j]!
      const next = this.child(node, token.id)
      const owner = possessive(text, token)
      // most tokens start no form, most phrases stop at the next word: leave before anything else
      if (next < 0 && !owner) break
      if (j > first && !isJoiningGap(text, tokens[j - 1]!.end, token.start)) break
      // possessive: "home's" ends a match of "home"
      if (owner) {
        const bare = this.child(node, this.words.idOf(token.norm.slice(0, -2)))
        if (bare >= 0) {
          const end = token.end - 2
          for (let f = this.formStart[bare]!; f < this.formStart[bare + 1]!; f++) out.push({form: this.formIds[f]!, first, last: j, start, end, suffix: text.slice(end, token.end)})
        }
      }
      node = next
      if (node < 0) break
      const to = this.formStart[node + 1]!
      if (this.formStart[node]! < to) {
        const end = matchEnd(text, token)
        for (let f = this.formStart[node]!; f < to; f++) out.push({form: this.formIds[f]!, first, last: j, start, end, suffix: ''})
      }
      if (this.hasNext[node] === 0) break
    }
    return out.length - before
  }
}

/** Hash of an edge (node, word): its slot in the edge table and its bit in the filter are its low bits. */
const edgeHash = (node: number, word: number) => Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)

/** The filter of an edge table: a power-of-two bitset with at least 8 bits per edge. */
function edgeFilter(edges: Int32Array): Int32Array {
  let count = 0
  for (let at = 0; at < edges.length; at += 3) if (edges[at] !== 0) count++
  let bits = 1024
  while (bits < count * 8) bits *= 2
  const filter = new Int32Array(bits / 32)
  for (let at = 0; at < edges.length; at += 3) {
    if (edges[at] === 0) continue
    const bit = edgeHash(edges[at]! - 1, edges[at + 1]!) & (bits - 1)
    filter[bit >>> 5]! |= 1 << (bit & 31)
  }
  return filter
}

/** Ends in 's or ’s (any case). */
function possessive(text: string, token: Token): boolean {
  const end = token.end
  if (end - token.start < 3) return false
  const s = text.charCodeAt(end - 1)
  if (s !== 115 && s !== 83) return false
  const a = text.charCodeAt(end - 2)
  return a === 39 || a === 0x2019 || a === 0x2bc
}
