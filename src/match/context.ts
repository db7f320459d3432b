// Context conditions of glossary entries: the words directly before / after a match (only whitespace
// between) must or must not be one of a list. Patterns: literal word, @class, glob (*ing, 19??), <punct>.

import type {CompiledContext, ContextList} from '../glossary/compiled.js'
import {isJoiningGap, type Token} from './tokenize.js'

/** Word classes by name (members as normalised keys). */
export interface ClassSets {
  get(name: string): ReadonlySet<string> | undefined
}

const globs = new Map<string, RegExp>()

/** `*` any run of characters, `?` one character, over the whole word (`*ing`, `19??`). */
function glob(pattern: string): RegExp {
  let re = globs.get(pattern)
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
    re = new RegExp(`^${body}$`, 'u')
    globs.set(pattern, re)
  }
  return re
}

function wordMatches(pattern: string, norm: string, classes: ClassSets): boolean {
  if (pattern.startsWith('@')) return classes.get(pattern.slice(1))?.has(norm) ?? false
  if (pattern.includes('*') || pattern.includes('?')) return glob(pattern).test(norm)
  return pattern === norm
}

/** Does a context item hold before (`direction` -1) or after (+1) the tokens first..last? */
function itemHolds(
  item: string[],
  direction: -1 | 1,
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  classes: ClassSets
): boolean {
  const edge = direction === -1 ? first : last
  if (item.length === 1 && item[0] === '<punct>') {
    const neighbour = edge + direction
    if (neighbour < 0 || neighbour >= tokens.length) return true
    const [a, b] = direction === -1 ? [tokens[neighbour]!, tokens[edge]!] : [tokens[edge]!, tokens[neighbour]!]
    return !isJoiningGap(text, a.end, b.start)
  }
  // walk outwards from the match; item is written in reading order
  for (let k = 0; k < item.length; k++) {
    const index = direction === -1 ? first - item.length + k : last + 1 + k
    if (index < 0 || index >= tokens.length) return false
    const previous = direction === -1 ? index + 1 : index - 1
    const [a, b] = previous < index ? [tokens[previous]!, tokens[index]!] : [tokens[index]!, tokens[previous]!]
    if (!isJoiningGap(text, a.end, b.start)) return false
    if (!wordMatches(item[k]!, tokens[index]!.norm, classes)) return false
  }
  return true
}

const anyHolds = (list: ContextList, ...rest: Parameters<typeof itemHolds> extends [unknown, ...infer R] ? R : never) =>
  list.some((item) => itemHolds(item, ...rest))

/** Do all of an entry's context conditions hold for the match over tokens first..last? */
export function contextHolds(
  context: CompiledContext | undefined,
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  classes: ClassSets
): boolean {
  if (!context) return true
  if (context.before && !anyHolds(context.before, -1, text, tokens, first, last, classes)) return false
  if (context.notBefore && anyHolds(context.notBefore, -1, text, tokens, first, last, classes)) return false
  if (context.after && !anyHolds(context.after, 1, text, tokens, first, last, classes)) return false
  if (context.notAfter && anyHolds(context.notAfter, 1, text, tokens, first, last, classes)) return false
  return true
}
