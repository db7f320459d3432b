// Context conditions of glossary entries: the words directly before / after a match (only whitespace
// between) must or must not be one of a list. Patterns: literal word, @class, glob (*ing, 19??), <punct>.

import type {CompiledContext, ContextList} from '../glossary/compiled.js'
import {isJoiningGap, type Token} from './tokenize.js'

/** Word classes by name (members as normalised keys, words joined by one space). */
export interface ClassSets {
  get(name: string): ReadonlySet<string> | undefined
  /** words in the longest member of the class (1 for one-word classes) */
  maxWords(name: string): number
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

/** Is the gap between tokens i and i + 1 one a phrase may span? */
const joined = (text: string, tokens: readonly Token[], i: number) => isJoiningGap(text, tokens[i]!.end, tokens[i + 1]!.start)

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
  if (item.length === 1 && item[0]!.startsWith('@') && classes.maxWords(item[0]!.slice(1)) > 1) {
    return classHolds(item[0]!.slice(1), direction, text, tokens, first, last, classes)
  }
  if (item.length === 1 && item[0] === '<punct>') {
    const neighbour = edge + direction
    if (neighbour < 0 || neighbour >= tokens.length) return true
    return !joined(text, tokens, Math.min(edge, neighbour))
  }
  // walk outwards from the match; item is written in reading order
  for (let k = 0; k < item.length; k++) {
    const index = direction === -1 ? first - item.length + k : last + 1 + k
    if (index < 0 || index >= tokens.length) return false
    const previous = direction === -1 ? index + 1 : index - 1
    if (!joined(text, tokens, Math.min(previous, index))) return false
    if (!wordMatches(item[k]!, tokens[index]!.norm, classes)) return false
  }
  return true
}

/** A class item whose members may have several words ("think tank"): the words next to the match are one member. */
function classHolds(name: string, direction: -1 | 1, text: string, tokens: readonly Token[], first: number, last: number, classes: ClassSets): boolean {
  const members = classes.get(name)!
  let key = ''
  for (let k = 1; k <= classes.maxWords(name); k++) {
    const index = direction === -1 ? first - k : last + k
    if (index < 0 || index >= tokens.length) return false
    if (!joined(text, tokens, Math.min(index, index - direction))) return false
    const norm = tokens[index]!.norm
    key = k === 1 ? norm : direction === -1 ? `${norm} ${key}` : `${key} ${norm}`
    if (members.has(key)) return true
  }
  return false
}

/** A context list split for speed: its plain one-word items as a set, the rest as they are. */
interface SplitList {
  words: ReadonlySet<string>
  rest: string[][]
}

const splits = new WeakMap<ContextList, SplitList>()

function split(list: ContextList): SplitList {
  let found = splits.get(list)
  if (!found) {
    const plain = (item: string[]) => item.length === 1 && !/^@|[*?]|^<punct>$/.test(item[0]!)
    found = {words: new Set(list.filter(plain).map((item) => item[0]!)), rest: list.filter((item) => !plain(item))}
    splits.set(list, found)
  }
  return found
}

/** Does any item of the list hold? The neighbouring word is compared with all one-word items at once. */
function anyHolds(list: ContextList, direction: -1 | 1, text: string, tokens: readonly Token[], first: number, last: number, classes: ClassSets): boolean {
  const {words, rest} = split(list)
  if (words.size > 0) {
    const neighbour = direction === -1 ? first - 1 : last + 1
    if (neighbour >= 0 && neighbour < tokens.length && joined(text, tokens, Math.min(neighbour, neighbour - direction)) && words.has(tokens[neighbour]!.norm)) return true
  }
  for (const item of rest) if (itemHolds(item, direction, text, tokens, first, last, classes)) return true
  return false
}

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
