#!/usr/bin/env node
// Precision on the clean corpora, per tier: certain hits, contextual candidates (what contextual
// entries would change if the gate were open), documents where the gate opened, and the closest calls
// (documents with the most certain hits). Run after `npm run build`:  node scripts/measure-precision.mjs
import {analyze} from '../dist/index.js'
import {brown, sotu} from './corpora.mjs'

const corpora = {'State of the Union (all addresses)': sotu(), 'Brown corpus (all samples)': brown()}
console.log('| corpus | documents | words | changed documents | certain hits | gate opened | contextual candidates (gate closed) | contextual changes if forced open |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
const closest = []
const frequent = []
for (const [name, docs] of Object.entries(corpora)) {
  let words = 0, changed = 0, certain = 0, opened = 0, contextual = 0, forced = 0
  const forcedRules = new Map()
  for (const doc of docs) {
    const result = analyze(doc.text)
    words += result.evidence.words
    certain += result.evidence.certain
    contextual += result.evidence.contextual
    if (result.text !== doc.text) changed++
    if (result.spun) opened++
    if (result.evidence.certain > 0) closest.push([doc.id, result.evidence.certain, result.changes.map((c) => c.actual).join(', ')])
    const open = analyze(doc.text, {gate: 'open'})
    forced += open.changes.length
    for (const c of open.changes) forcedRules.set(c.ruleId, (forcedRules.get(c.ruleId) ?? 0) + 1)
  }
  console.log(`| ${name} | ${docs.length} | ${words} | ${changed} | ${certain} | ${opened} | ${contextual} | ${forced} |`)
  const top = [...forcedRules].sort((a, b) => b[1] - a[1]).slice(0, 12)
  frequent.push(`- ${name}: ${top.map(([id, n]) => `${id} ×${n}`).join(', ')}`)
}
console.log('\nContextual entries that would fire most if the gate were forced open:')
for (const line of frequent) console.log(line)
if (closest.length) {
  console.log('\nDocuments with certain hits:')
  for (const [id, n, what] of closest) console.log(`- ${id}: ${n} (${what})`)
}
