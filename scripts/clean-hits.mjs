#!/usr/bin/env node
// Curator's aid: how often do phrases occur in the clean corpora (SOTU + Brown)?
//   node scripts/clean-hits.mjs "White Home" "this 12 months" ...   (or phrases on stdin, one per line)
// Case-insensitive unless the phrase has capitals; ’ and ' are the same; word boundaries on both sides.
// Prints: hits<TAB>documents<TAB>phrase<TAB>first context.
import {readFileSync} from 'node:fs'
import {brown, sotu} from './corpora.mjs'

const phrases = process.argv.slice(2).length > 0
  ? process.argv.slice(2)
  : readFileSync(0, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
const docs = [...sotu(), ...brown()].map((d) => ({id: d.id, text: d.text.replace(/’/g, "'")}))
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
for (const phrase of phrases) {
  const body = escape(phrase.replace(/’/g, "'")).replace(/ /g, '\\s+')
  const re = new RegExp(`(?<![\\p{L}\\p{N}'-])${body}(?![\\p{L}\\p{N}-]|'[\\p{L}])`, /[A-Z]/.test(phrase) ? 'gu' : 'giu')
  let hits = 0
  let documents = 0
  let example = ''
  for (const d of docs) {
    const found = [...d.text.matchAll(re)]
    if (found.length === 0) continue
    hits += found.length
    documents++
    if (!example) {
      const at = found[0].index
      example = `${d.id}: …${d.text.slice(Math.max(0, at - 50), at + phrase.length + 50).replace(/\s+/g, ' ')}…`
    }
  }
  console.log(`${hits}\t${documents}\t${phrase}\t${example}`)
}
