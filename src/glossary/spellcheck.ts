// Build-time spell check of canonical forms: nspell + dictionary-en + the project's word lists.
// Building the checker costs ~0.2 s, so it is built once per build, never per call.

import dictionary from 'dictionary-en'
import nspell from 'nspell'
import {tokenize} from '../match/tokenize.js'

export type SpellChecker = (phrase: string) => string[]

/** A checker returning the words of a phrase that are neither in the dictionary nor in `extra`. */
export function createSpellChecker(extra: readonly string[]): SpellChecker {
  const spell = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)})
  for (const word of extra) spell.add(word)
  const known = new Set(extra.map((w) => w.toLowerCase()))
  const ok = (word: string): boolean => {
    if (/\d/.test(word) || known.has(word.toLowerCase())) return true
    if (spell.correct(word)) return true
    const bare = word.replace(/['’]s$/, '').replace(/['’]$/, '')
    if (bare !== word && (spell.correct(bare) || known.has(bare.toLowerCase()))) return true
    return false
  }
  return (phrase: string) => {
    const bad: string[] = []
    for (const token of tokenize(phrase)) {
      const word = phrase.slice(token.start, token.end)
      if (ok(word)) continue
      // hyphenated compounds: every part must be a word
      if (word.includes('-') && word.split('-').every((part) => part === '' || ok(part))) continue
      bad.push(word)
    }
    return bad
  }
}
