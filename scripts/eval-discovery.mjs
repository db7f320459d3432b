#!/usr/bin/env node
// Measure discovery (docs/discovery.md), after `npm run build`:
//   node scripts/eval-discovery.mjs [--gains 2,3,4] [--rate 0.5] [--swap-bonus 1] [--dry-run]   (writes its section of docs/discovery.md)
// 1. Held-out glossary entries: a quarter of the bundled entries (by a hash of their id) is treated as
//    unlisted. Clean passages are spun with the whole glossary reversed; the matcher runs with the held-out
//    entries disabled; discovery should find the held-out artifacts the matcher now misses.
//    Passages: SOTU/Brown documents of fold 0 (see calibrate-score.mjs), with collocation statistics built
//    from the other folds (so discovery never saw them), plus test/fixtures/clean and the originals of
//    test/fixtures/eval with the shipped statistics.
//    precision: suspects (not overlapping a glossary change) that overlap an artifact / all such suspects;
//    recall: artifacts missed by the matcher that a suspect overlaps / artifacts missed by the matcher;
//    right suggestion: the suspect names the spun word and its canonical replacement.
// 2. Flags per million words on the same clean passages (unspun).
// 3. The hand-spun articles of test/fixtures/eval against their gold rows (rows the glossary leaves).
// Each in scope `all` (every document) and `spun` (only documents whose spin score reaches 0.5), with
// WordNet neighbours only and with the glossary's one-word swaps too (for the held-out entries, the swaps
// of the entries the matcher keeps: the held-out ones stay unknown).
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {bundledGlossary, findChanges, findSuspects, glossarySwaps, prepareGlossary, reverseSpin, shippedCollocations, spinScore, tokenize} from '../dist/internal.js'
import {buildCollocations} from './build-collocations.mjs'
import {brown, sotu} from './corpora.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback)
const gains = arg('--gains', '2,3,4').split(',').map(Number)
const rate = Number(arg('--rate', '0.5'))
const swapBonus = Number(arg('--swap-bonus', '1'))
const fnv = (s) => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}
const readDir = (dir, suffix) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(suffix)).sort().map((n) => ({name: n.slice(0, -suffix.length), text: readFileSync(join(dir, n), 'utf8')})) : []

const started = Date.now()
const compiled = bundledGlossary()
const glossary = prepareGlossary(compiled)
const heldOut = compiled.rules.filter((r) => fnv(r.id) % 4 === 0).map((r) => r.id)
const heldOutSet = new Set(heldOut)
const shipped = shippedCollocations()
const corpus = [...sotu(), ...brown()]
const foldStats = buildCollocations(corpus.filter((d) => fnv(d.id) % 5 !== 0), 'without fold 0', shipped)
const evalDir = join(root, 'test/fixtures/eval')
const passages = [
  ...corpus.filter((d) => fnv(d.id) % 5 === 0).map((d) => ({id: d.id, text: d.text, stats: foldStats})),
  ...readDir(join(root, 'test/fixtures/clean'), '.txt').map((d) => ({id: 'clean/' + d.name, text: d.text, stats: shipped})),
  ...readDir(evalDir, '.original.txt').map((d) => ({id: 'eval/' + d.name, text: d.text, stats: shipped}))
]
console.error(`setup ${((Date.now() - started) / 1000).toFixed(0)} s; ${heldOut.length} of ${compiled.rules.length} entries held out`)

const overlaps = (a, b) => a.start < b.end && b.start < a.end
const neighbourSets = [
  ['WordNet', undefined, undefined],
  [`WordNet + swaps (bonus ${swapBonus})`, glossarySwaps(compiled, heldOutSet), glossarySwaps(compiled)]
]
/** suspects of a document that no glossary change overlaps, and the document's spin score */
function discover(text, stats, minGain, swaps) {
  const found = findChanges(text, glossary, {disable: heldOut})
  const score = spinScore(found.evidence, text, stats)
  const suspects = findSuspects(text, stats, {minGain, swapBonus}, swaps).filter((s) => !found.changes.some((c) => overlaps(c, s)))
  return {changes: found.changes, score, suspects}
}
/** the one word that differs between an artifact's spun and canonical forms, if exactly one does */
function differingWord(artifact) {
  const a = tokenize(artifact.spun).map((t) => t.norm)
  const b = tokenize(artifact.canonical).map((t) => t.norm)
  if (a.length !== b.length) return undefined
  const at = a.map((w, i) => (w === b[i] ? -1 : i)).filter((i) => i >= 0)
  return at.length === 1 ? [a[at[0]], b[at[0]]] : undefined
}

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`)
const spunDocs = passages.map((p) => ({...p, spin: reverseSpin(p.text, glossary, {rate, seed: fnv(p.id)})}))
const words = passages.reduce((n, p) => n + tokenize(p.text).length, 0)

const lines = []
for (const [neighbours, swaps] of neighbourSets)
for (const minGain of gains) {
  for (const scope of ['all', 'spun']) {
    let suspects = 0
    let onArtifact = 0
    let missed = 0
    let found = 0
    let singleWord = 0
    let singleFound = 0
    let rightSuggestion = 0
    for (const doc of spunDocs) {
      const r = discover(doc.spin.spun, doc.stats, minGain, swaps)
      const active = scope === 'all' || r.score >= 0.5 ? r.suspects : []
      const unlisted = doc.spin.artifacts.filter((a) => !r.changes.some((c) => overlaps(c, a)))
      suspects += active.length
      onArtifact += active.filter((s) => unlisted.some((a) => overlaps(a, s))).length
      for (const a of unlisted) {
        missed++
        const diff = differingWord(a)
        if (diff) singleWord++
        const hit = active.find((s) => overlaps(a, s))
        if (!hit) continue
        found++
        if (diff) {
          singleFound++
          if (hit.word === diff[0] && hit.neighbour === diff[1]) rightSuggestion++
        }
      }
    }
    let flags = 0
    for (const doc of passages) {
      const r = discover(doc.text, doc.stats, minGain, swaps)
      if (scope === 'all' || r.score >= 0.5) flags += r.suspects.length
    }
    lines.push(
      `| ${neighbours} | ${minGain} | ${scope} | ${pct(onArtifact, suspects)} | ${pct(found, missed)} | ${pct(singleFound, singleWord)} | ${pct(rightSuggestion, singleWord)} | ${((flags / words) * 1e6).toFixed(0)} (${flags} in ${words} words) |`
    )
  }
}

// hand-spun articles with gold rows
const gold = []
for (const {name, text} of readDir(evalDir, '.spun.txt')) {
  const rows = readFileSync(join(evalDir, name + '.gold.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t'))
  const textLines = text.split('\n')
  const starts = [0]
  for (const l of textLines) starts.push(starts.at(-1) + l.length + 1)
  const spans = []
  for (const [line, , spun] of rows) {
    const l = textLines[Number(line) - 1] ?? ''
    for (let at = l.indexOf(spun); at >= 0; at = l.indexOf(spun, at + 1)) spans.push({start: starts[line - 1] + at, end: starts[line - 1] + at + spun.length})
  }
  gold.push({name, text, spans})
}
const goldLines = []
for (const [neighbours, , swaps] of neighbourSets)
for (const minGain of gains)
  for (const scope of ['all', 'spun']) {
    let suspects = 0
    let onGold = 0
    let left = 0
    let found = 0
    for (const g of gold) {
      const r = findChanges(g.text, glossary)
      const score = spinScore(r.evidence, g.text, shipped)
      const active = scope === 'all' || score >= 0.5 ? findSuspects(g.text, shipped, {minGain, swapBonus}, swaps).filter((s) => !r.changes.some((c) => overlaps(c, s))) : []
      suspects += active.length
      onGold += active.filter((s) => g.spans.some((sp) => overlaps(sp, s))).length
      const untouched = g.spans.filter((sp) => !r.changes.some((c) => overlaps(c, sp)))
      left += untouched.length
      found += untouched.filter((sp) => active.some((s) => overlaps(sp, s))).length
    }
    goldLines.push(`| ${neighbours} | ${minGain} | ${scope} | ${pct(onGold, suspects)} | ${pct(found, left)} |`)
  }

const report = `<!-- eval-discovery:begin (generated by scripts/eval-discovery.mjs) -->
Last run: ${new Date().toISOString().slice(0, 10)}, bundled glossary of ${compiled.rules.length} entries.

Held-out entries: ${heldOut.length} of ${compiled.rules.length}; ${spunDocs.length} passages spun at rate ${rate}, ${spunDocs.reduce((n, d) => n + d.spin.artifacts.length, 0)} artifacts.

| neighbours | min gain | scope | precision | recall (artifacts the matcher missed) | recall, one-word artifacts | right suggestion, one-word artifacts | clean flags per million words |
|---|---|---|---|---|---|---|---|
${lines.join('\n')}

Hand-spun articles (test/fixtures/eval, ${gold.length} articles, full glossary; spans the glossary does not restore):

| neighbours | min gain | scope | precision (suspects on a gold span) | recall (gold spans left by the glossary) |
|---|---|---|---|---|
${goldLines.join('\n')}
<!-- eval-discovery:end -->`
console.log(report)
if (!process.argv.includes('--dry-run')) {
  const docPath = join(root, 'docs/discovery.md')
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : ''
  const re = /<!-- eval-discovery:begin[\s\S]*?<!-- eval-discovery:end -->/
  writeFileSync(docPath, re.test(doc) ? doc.replace(re, report) : doc + '\n' + report + '\n')
}
console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
