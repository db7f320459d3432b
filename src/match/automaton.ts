// The glossary-wide phrase automaton: a trie over normalised words, built once per glossary set, that
// finds every candidate span in one left-to-right pass over the tokens of raw text. Possessive `'s` on
// the last word is matched against the bare form and carried over to the replacement.

import type {CompiledForm} from '../glossary/compiled.js'
import {isJoiningGap, matchEnd, type Token} from './tokenize.js'

interface TrieNode {
  next: Map<string, TrieNode> | undefined
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
  private readonly root = new Map<string, TrieNode>()
  readonly forms: readonly CompiledForm[]

  constructor(forms: readonly CompiledForm[]) {
    this.forms = forms
    forms.forEach((form, index) => {
      let level = this.root
      let node: TrieNode | undefined
      for (const word of form.words) {
        node = level.get(word)
        if (!node) {
          node = {next: undefined, forms: undefined}
          level.set(word, node)
        }
        level = node.next ??= new Map()
      }
      ;(node!.forms ??= []).push(index)
    })
    // drop empty `next` maps left on leaves
    const prune = (level: Map<string, TrieNode>) => {
      for (const node of level.values()) {
        if (node.next && node.next.size === 0) node.next = undefined
        else if (node.next) prune(node.next)
      }
    }
    prune(this.root)
  }

  /** Push every form matching at token `first` onto `out` (shortest first); returns how many. */
  matchesAt(text: string, tokens: readonly Token[], first: number, out: Candidate[]): number {
    const before = out.length
    const start = tokens[first]!.start
    let level: Map<string, TrieNode> | undefined = this.root
    for (let j = first; j < tokens.length && level; j++) {
      const token = tokens[j]!
      if (j > first && !isJoiningGap(text, tokens[j - 1]!.end, token.start)) break
      const norm = token.norm
      // possessive: "home's" ends a match of "home"
      if (possessive(norm)) {
        const bare = level.get(norm.slice(0, -2))
        if (bare?.forms) {
          const end = token.end - 2
          for (const form of bare.forms) out.push({form, first, last: j, start, end, suffix: text.slice(end, token.end)})
        }
      }
      const node: TrieNode | undefined = level.get(norm)
      if (!node) break
      if (node.forms) {
        const end = matchEnd(text, token)
        for (const form of node.forms) out.push({form, first, last: j, start, end, suffix: ''})
      }
      level = node.next
    }
    return out.length - before
  }
}

/** Ends in 's (norms use the plain apostrophe). */
function possessive(norm: string): boolean {
  const n = norm.length
  return n > 2 && norm.charCodeAt(n - 1) === 115 && norm.charCodeAt(n - 2) === 39
}
