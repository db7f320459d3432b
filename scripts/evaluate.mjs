#!/usr/bin/env node
// Recall and damage on annotated spun texts (the seed article and the held-out passages in
// test/fixtures/eval/), scored by the seed scorer; precision on clean texts (test/fixtures/clean/),
// per tier. Run after `npm run build`:  node scripts/evaluate.mjs [--verbose]
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {analyze} from '../dist/index.js'

const verbose = process.argv.includes('--verbose')
const work = mkdtempSync(join(tmpdir(), 'unspin-eval-'))
const scorer = 'test/fixtures/seed/score.mjs'
const sets = [{name: 'seed article', spun: 'test/fixtures/seed/seed-article.spun.txt', gold: 'test/fixtures/seed/seed-article.gold.tsv'}]
for (const file of readdirSync('test/fixtures/eval').filter((f) => f.endsWith('.spun.txt')).sort()) {
  const name = file.replace('.spun.txt', '')
  sets.push({name, spun: join('test/fixtures/eval', file), gold: join('test/fixtures/eval', `${name}.gold.tsv`)})
}

console.log('| text | required restored | optional restored | damage (words) | certain | contextual changes |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
const total = {r: 0, rAll: 0, o: 0, oAll: 0, damage: 0}
for (const set of sets) {
  const text = readFileSync(set.spun, 'utf8')
  const result = analyze(text)
  const out = join(work, `${set.name}.txt`)
  writeFileSync(out, result.text)
  const run = spawnSync('node', [scorer, out, '--spun', set.spun, '--gold', set.gold, ...(verbose ? ['--verbose'] : [])], {encoding: 'utf8'})
  const line = run.stdout.trim().split('\n').at(-1)
  const m = line.match(/required (\d+)\/(\d+) restored, optional (\d+)\/(\d+) restored, damage (\d+)/)
  if (!m) {
    console.log(`| ${set.name} | scorer failed: ${line} | | | | |`)
    continue
  }
  const [r, rAll, o, oAll, damage] = m.slice(1).map(Number)
  Object.assign(total, {r: total.r + r, rAll: total.rAll + rAll, o: total.o + o, oAll: total.oAll + oAll, damage: total.damage + damage})
  const byTier = (t) => result.changes.filter((c) => c.confidence === t).length
  console.log(`| ${set.name} | ${r}/${rAll} | ${o}/${oAll} | ${damage} | ${byTier('certain')} | ${byTier('contextual')} |`)
  if (verbose) console.log(run.stdout.split('\n').slice(0, -2).map((l) => `    ${l}`).join('\n'))
}
console.log(`| **all** | ${total.r}/${total.rAll} (${((100 * total.r) / total.rAll).toFixed(1)} %) | ${total.o}/${total.oAll} | ${total.damage} | | |`)

console.log('\n| clean text | words | changes | certain hits | gate opened |')
console.log('| --- | ---: | ---: | ---: | --- |')
for (const file of readdirSync('test/fixtures/clean').filter((f) => f.endsWith('.txt')).sort()) {
  const result = analyze(readFileSync(join('test/fixtures/clean', file), 'utf8'))
  console.log(`| ${file} | ${result.evidence.words} | ${result.changes.length} | ${result.evidence.certain} | ${result.spun ? 'yes' : 'no'} |`)
  if (verbose) for (const c of result.changes) console.log(`    ${c.actual} → ${c.expected} (${c.ruleId})`)
}
