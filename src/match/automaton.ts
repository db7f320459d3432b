// The glossary-wide phrase automaton: a trie over word ids (see word-index.ts), built once per glossary
// set, that finds every candidate span in one left-to-right pass over the tokens of raw text. Tokens
// must come from tokenize(…, automaton.words), which reads each word's id during the scan. Possessive
// `'s` on the last word is matched against the bare form and carried over to the replacement.

import type {CompiledForm} from '../glossary/compiled.js'
import {isJoiningGap, matchEnd, type Token} from './tokenize.js'
import {WordIndex} from './word-index.js'

interface TrieNode {
  next: Map<number, TrieNode> | undefined
  forms: number[] | undefined
}

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

export class PhraseAutomaton {
  /** the vocabulary of the spun forms: tokenize with it */
  readonly words: WordIndex
  readonly forms: readonly CompiledForm[]
  /** first-word nodes, by word id */
  private readonly roots: Array<TrieNode | undefined>

  constructor(forms: readonly CompiledForm[]) {
    this.forms = forms
    this.words = new WordIndex(forms.flatMap((form) => form.words))
    this.roots = new Array<TrieNode | undefined>(this.words.size).fill(undefined)
    forms.forEach((form, index) => {
      let node: TrieNode | undefined
      for (const word of form.words) {
        const id = this.words.idOf(word)
        if (node === undefined) {
          node = this.roots[id] ??= {next: undefined, forms: undefined}
        } else {
          const next: Map<number, TrieNode> = (node.next ??= new Map())
          let child = next.get(id)
          if (!child) {
            child = {next: undefined, forms: undefined}
            next.set(id, child)
          }
          node = child
        }
      }
      ;(node!.forms ??= []).push(index)
    })
  }

  /** Push every form matching at token `first` onto `out` (shortest first); returns how many. */
  matchesAt(text: string, tokens: readonly Token[], first: number, out: Candidate[]): number {
    const head = tokens[first]!
    // most tokens start no form: leave before anything else
    if ((head.id < 0 || this.roots[head.id] === undefined) && !possessive(text, head)) return 0
    const before = out.length
    const start = head.start
    let node: TrieNode | undefined
    for (let j = first; j < tokens.length; j++) {
      const token = tokens[j]!
      if (j > first) {
        // the next word must continue the phrase (checked before the gap: most phrases stop here)
        const next = token.id < 0 ? undefined : node!.next!.get(token.id)
        if (next === undefined && !possessive(text, token)) break
        if (!isJoiningGap(text, tokens[j - 1]!.end, token.start)) break
      }
      // possessive: "home's" ends a match of "home"
      if (possessive(text, token)) {
        const bare = this.child(node, this.words.idOf(token.norm.slice(0, -2)))
        if (bare?.forms) {
          const end = token.end - 2
          for (const form of bare.forms) out.push({form, first, last: j, start, end, suffix: text.slice(end, token.end)})
        }
      }
      node = this.child(node, token.id)
      if (!node) break
      if (node.forms) {
        const end = matchEnd(text, token)
        for (const form of node.forms) out.push({form, first, last: j, start, end, suffix: ''})
      }
      if (!node.next) break
    }
    return out.length - before
  }

  /** The node after word `id` from `node` (from the roots when undefined). */
  private child(node: TrieNode | undefined, id: number): TrieNode | undefined {
    if (id < 0) return undefined
    return node === undefined ? this.roots[id] : node.next?.get(id)
  }
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
