#!/usr/bin/env node
// Fit the spin score (src/score/coefficients.ts) and measure it (docs/spin-score.md), after `npm run build`:
//   node scripts/calibrate-score.mjs [--dry-run]
// Clean documents: every SOTU address, every Brown sample, test/fixtures/clean/*.txt and the originals of
// test/fixtures/eval, each also as an excerpt (its opening paragraphs, about 120 words). Spun documents: each clean document spun with the bundled glossary reversed at rates
// 0.02–1 (documents the spin left unchanged are dropped), the seed article, test/fixtures/eval/*.spun.txt.
// Documents fall into five folds by a hash of their name (a spun copy with its original): fold 0 is held
// out for testing, folds 1–4 train. The n-gram features of a document are computed with collocation
// statistics built without its fold's corpus documents (cross-fitting), as they would be for unseen text.
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  bundledGlossary,
  evidenceFeatures,
  featureNames,
  findChanges,
  fitLogistic,
  predict,
  prepareGlossary,
  reverseSpin,
  rocAuc,
  shippedCollocations,
  spinFeatures
} from '../dist/internal.js'
import {buildCollocations} from './build-collocations.mjs'
import {brown, sotu} from './corpora.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dryRun = process.argv.includes('--dry-run')
const rates = [0.02, 0.05, 0.1, 0.25, 0.5, 1]
const folds = 5
const lambda = 1
const threshold = 0.5

const fnv = (s) => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}
const foldOf = (name) => fnv(name) % folds
const readDir = (dir, suffix) =>
  existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(suffix)).sort().map((n) => ({name: n.slice(0, -suffix.length), text: readFileSync(join(dir, n), 'utf8')})) : []

const corpus = [...sotu(), ...brown()].map((d) => ({id: d.id, group: d.id, source: d.id.split('/')[0], text: d.text}))
const fixturesClean = readDir(join(root, 'test/fixtures/clean'), '.txt').map((d) => ({id: 'clean/' + d.name, group: 'clean/' + d.name, source: 'fixtures-clean', text: d.text}))
const evalDir = join(root, 'test/fixtures/eval')
const originals = readDir(evalDir, '.original.txt').map((d) => ({id: 'eval/' + d.name, group: 'eval/' + d.name, source: 'eval-original', text: d.text}))
const realSpun = [
  ...readDir(evalDir, '.spun.txt').map((d) => ({id: 'eval/' + d.name + '.spun', group: 'eval/' + d.name, source: 'eval-spun', text: d.text})),
  {id: 'seed', group: 'seed', source: 'seed', text: readFileSync(join(root, 'test/fixtures/seed/seed-article.spun.txt'), 'utf8')}
]
/** The opening paragraphs of a document, at least `words` words: short texts must be scored well too. */
const excerpt = (doc, words = 120) => {
  const paragraphs = doc.text.split(/\n\s*\n|\n/)
  let text = ''
  for (const p of paragraphs) {
    if (text.split(/\s+/).length >= words) break
    text += p + '\n'
  }
  return {...doc, id: doc.id + '#excerpt', source: doc.source + '-excerpt', text}
}
const clean = [...corpus, ...fixturesClean, ...originals].flatMap((d) => [d, excerpt(d)])

const started = Date.now()
const glossary = prepareGlossary(bundledGlossary())
const stats = []
const thesaurus = shippedCollocations()
for (let f = 0; f < folds; f++) stats.push(buildCollocations(corpus.filter((d) => foldOf(d.group) !== f), `without fold ${f}`, thesaurus))
console.error(`collocations for ${folds} folds: ${((Date.now() - started) / 1000).toFixed(0)} s`)

const rows = []
const add = (doc, label, extra = {}) => {
  const {evidence} = findChanges(doc.text, glossary)
  const fold = foldOf(doc.group)
  rows.push({id: doc.id, source: doc.source, label, fold, evidence, x: spinFeatures(doc.text, evidence, stats[fold]), ...extra})
}
for (const doc of clean) add(doc, 0)
for (const doc of realSpun) add(doc, 1, {rate: 'real'})
for (const doc of clean)
  rates.forEach((rate, k) => {
    const spun = reverseSpin(doc.text, glossary, {rate, seed: fnv(doc.id) + k})
    if (spun.artifacts.length === 0) return
    add({...doc, id: `${doc.id}@${rate}`, text: spun.spun}, 1, {rate, artifacts: spun.artifacts.length})
  })
console.error(`${rows.length} documents featurised: ${((Date.now() - started) / 1000).toFixed(0)} s`)
if (process.argv.includes('--rows')) writeFileSync(process.argv[process.argv.indexOf('--rows') + 1], JSON.stringify(rows))

const train = rows.filter((r) => r.fold !== 0)
const test = rows.filter((r) => r.fold === 0)
const balance = (set) => {
  const positives = set.filter((r) => r.label === 1).length
  const negatives = set.length - positives
  return set.map((r) => (r.label === 1 ? 1 : positives / negatives))
}
const fit = (set, width) => fitLogistic(set.map((r) => r.x.slice(0, width)), set.map((r) => r.label), {lambda, rowWeights: balance(set)})
const full = fit(train, featureNames.length)
const evidenceOnly = fit(train, 3)
const score = (model, r, width) => predict(model, r.x.slice(0, width))

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}% (${a}/${b})`)
function measure(set, model, width) {
  const scores = set.map((r) => score(model, r, width))
  const auc = rocAuc(scores, set.map((r) => r.label))
  const flagged = (r, i) => scores[i] >= threshold
  const cleanRows = set.map((r, i) => [r, i]).filter(([r]) => r.label === 0)
  const spunRows = set.map((r, i) => [r, i]).filter(([r]) => r.label === 1)
  const by = (rowsIn, key) => {
    const groups = new Map()
    for (const [r, i] of rowsIn) {
      const k = key(r)
      const g = groups.get(k) ?? [0, 0]
      g[0] += flagged(r, i) ? 1 : 0
      g[1]++
      groups.set(k, g)
    }
    return [...groups].map(([k, [a, b]]) => `${k}: ${pct(a, b)}`).join('; ')
  }
  const fp = cleanRows.filter(([r, i]) => flagged(r, i)).length
  const tp = spunRows.filter(([r, i]) => flagged(r, i)).length
  const worstClean = cleanRows.map(([r, i]) => [scores[i], r.id]).sort((a, b) => b[0] - a[0]).slice(0, 3)
  const missed = spunRows.filter(([r, i]) => !flagged(r, i)).map(([r, i]) => `${r.id} (${scores[i].toFixed(2)})`)
  return {
    auc,
    fpr: pct(fp, cleanRows.length),
    tpr: pct(tp, spunRows.length),
    cleanBySource: by(cleanRows, (r) => r.source),
    spunByRate: by(spunRows, (r) => (r.rate === 'real' ? r.source : `rate ${r.rate}`)),
    worstClean: worstClean.map(([s, id]) => `${id} ${s.toFixed(3)}`).join(', '),
    missed: missed.slice(0, 8).join(', ') + (missed.length > 8 ? `, … (${missed.length} in all)` : '')
  }
}
const results = {
  full: {train: measure(train, full, featureNames.length), test: measure(test, full, featureNames.length)},
  evidence: {train: measure(train, evidenceOnly, 3), test: measure(test, evidenceOnly, 3)}
}
const scoreOf = (r) => predict(full, r.x)

// The threshold trade-off: held-out scores, and out-of-fold scores of the training documents (each
// training fold scored by a model fitted on the other three), which is where a threshold may be chosen.
const outOfFold = new Map()
for (let k = 1; k < folds; k++) {
  const model = fit(train.filter((r) => r.fold !== k), featureNames.length)
  for (const r of train.filter((r) => r.fold === k)) outOfFold.set(r, predict(model, r.x))
}
const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
const rate = (set, label, scoreFn, t) => {
  const of = set.filter((r) => r.label === label)
  const n = of.filter((r) => scoreFn(r) >= t).length
  return `${((100 * n) / of.length).toFixed(1)}% (${n})`
}
const tradeOff = thresholds
  .map((t) => `| ${t} | ${rate(train, 0, (r) => outOfFold.get(r), t)} | ${rate(train, 1, (r) => outOfFold.get(r), t)} | ${rate(test, 0, scoreOf, t)} | ${rate(test, 1, scoreOf, t)} |`)
  .join('\n')
// What the errors carry: glossary evidence of the held-out misses and of clean documents scoring 0.3 or more.
const evidenceKey = (r) => `${r.evidence.certain} certain, ${r.evidence.contextual} contextual`
const tally = (set) => {
  const counts = new Map()
  for (const r of set) counts.set(evidenceKey(r), (counts.get(evidenceKey(r)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join('; ')
}
const missedTest = test.filter((r) => r.label === 1 && scoreOf(r) < threshold)
const highClean = rows.filter((r) => r.label === 0 && scoreOf(r) >= 0.3)
const oneContextual = (label) => rows.filter((r) => r.label === label && r.evidence.certain === 0 && r.evidence.contextual === 1).length
const realLine = rows
  .filter((r) => r.rate === 'real' || (r.label === 0 && (r.source === 'eval-original' || r.source === 'fixtures-clean')))
  .map((r) => `${r.id}${r.fold === 0 ? '' : '*'} ${scoreOf(r).toFixed(3)}`)
  .join(', ')
const glossarySize = `${glossary.compiled.rules.length} entries, ${glossary.compiled.forms.length} forms`
const date = new Date().toISOString().slice(0, 10)
const counts = (set) => `${set.filter((r) => r.label === 0).length} clean + ${set.filter((r) => r.label === 1).length} spun`
const provenance = `scripts/calibrate-score.mjs on ${date}: bundled glossary of ${glossarySize}; train ${counts(train)} documents (folds 1–4), held-out test ${counts(test)} (fold 0); L2 lambda ${lambda}, classes balanced`

const fmt = (m) => JSON.stringify(m)
const module = `// Generated by scripts/calibrate-score.mjs — do not edit. Re-run it after glossary changes.
// ${provenance}

import type {LogisticModel} from './logistic.js'

export const provenance = ${JSON.stringify(provenance)}

export const defaultThreshold = ${threshold}

/** all features of src/score/features.ts: ${featureNames.join(', ')} */
export const fullModel: LogisticModel = ${fmt(full)}

/** the glossary features only (first three), for callers without the text */
export const evidenceModel: LogisticModel = ${fmt(evidenceOnly)}
`
const table = (name, r) =>
  `| ${name} | ${r.auc.toFixed(4)} | ${r.fpr} | ${r.tpr} |`
const report = `<!-- calibrate-score:begin (generated by scripts/calibrate-score.mjs) -->
Last run: ${provenance}.

| model, set | ROC AUC | clean flagged (FPR) at ${threshold} | spun flagged (TPR) at ${threshold} |
|---|---|---|---|
${table('full, held-out test', results.full.test)}
${table('full, train', results.full.train)}
${table('glossary only, held-out test', results.evidence.test)}
${table('glossary only, train', results.evidence.train)}

Held-out test, full model, by source:
- clean flagged: ${results.full.test.cleanBySource}
- spun flagged: ${results.full.test.spunByRate}
- highest-scoring clean documents: ${results.full.test.worstClean}
- spun documents missed: ${results.full.test.missed || 'none'}

Hand-made and real texts, every fold (\* = in a training fold), full model: ${realLine}.

Threshold trade-off (full model): training documents scored out of fold (each training fold by a model
fitted on the other three) and the held-out test fold:

| threshold | clean flagged, train (out of fold) | spun flagged, train (out of fold) | clean flagged, held-out | spun flagged, held-out |
|---|---|---|---|---|
${tradeOff}

What the errors carry (glossary evidence): held-out spun documents missed at ${threshold} — ${tally(missedTest) || 'none'}; clean documents (all folds) scoring 0.3 or more — ${tally(highClean) || 'none'}. Every document: ${oneContextual(1)} of ${rows.filter((r) => r.label === 1).length} spun and ${oneContextual(0)} of ${rows.filter((r) => r.label === 0).length} clean ones carry no certain hit and exactly one contextual candidate.

Held-out test, glossary-only model: spun flagged ${results.evidence.test.spunByRate}; missed ${results.evidence.test.missed || 'none'}.

Weights (standardised features; bias ${full.bias.toFixed(3)}):
${featureNames.map((n, j) => `- ${n}: ${full.weights[j].toFixed(3)}`).join('\n')}
<!-- calibrate-score:end -->`
console.log(report)
if (!dryRun) {
  writeFileSync(join(root, 'src/score/coefficients.ts'), module)
  const docPath = join(root, 'docs/spin-score.md')
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : ''
  const re = /<!-- calibrate-score:begin[\s\S]*?<!-- calibrate-score:end -->/
  writeFileSync(docPath, re.test(doc) ? doc.replace(re, report) : doc + '\n' + report + '\n')
}
console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
