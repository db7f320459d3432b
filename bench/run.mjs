#!/usr/bin/env node
// `npm run bench`: unspin's speed beside its baselines, in one process on the same input (warm-up, then
// the median of several runs), printed as tables with ratios. A benchmark, not a test: nothing here
// asserts; the README records a run. Options: --quick (fewer runs), --big (the JSONL stream is 1 GB, not 64 MB).
import {spawnSync} from 'node:child_process'
import {createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, tmpdir, totalmem} from 'node:os'
import {join} from 'node:path'
import {once} from 'node:events'
import {retext} from 'retext'
import retextEquality from 'retext-equality'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {analyze, normalize} from '../dist/index.js'
import {bundledGlossary, findChanges, prepareGlossary, reverseSpin, tokenize} from '../dist/internal.js'
import {sotu} from '../scripts/corpora.mjs'

const quick = process.argv.includes('--quick')
const big = process.argv.includes('--big')
const RUNS = quick ? 3 : 5
const MiB = 2 ** 20
const bytes = (s) => Buffer.byteLength(s)
const started = performance.now()

/** Median seconds of `runs` timed calls after one warm-up. */
function time(fn, runs = RUNS) {
  fn()
  const samples = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push((performance.now() - t) / 1000)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]
}

const medianOf = (samples) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]

function table(title, header, rows) {
  console.log(`\n### ${title}\n`)
  console.log(`| ${header.join(' | ')} |`)
  console.log(`| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`)
  for (const row of rows) console.log(`| ${row.join(' | ')} |`)
}
const f1 = (x) => x.toFixed(1)
const f2 = (x) => x.toFixed(2)

// ---- corpora -------------------------------------------------------------------------------------
const docs = sotu().map((d) => d.text)
const allBytes = docs.reduce((n, d) => n + bytes(d), 0)
const subset = []
for (let n = 0, i = docs.length - 1; n < MiB && i >= 0; i--) {
  subset.push(docs[i])
  n += bytes(docs[i])
}
const subsetBytes = subset.reduce((n, d) => n + bytes(d), 0)
const glossary = prepareGlossary(bundledGlossary())
const spunSubset = subset.map((d, i) => reverseSpin(d, glossary, {rate: 0.9, seed: i + 1}))
const spunDocs = spunSubset.map((s) => s.spun)
const spunBytes = spunDocs.reduce((n, d) => n + bytes(d), 0)
const artifacts = spunSubset.reduce((n, s) => n + s.artifacts.length, 0)
const spunWords = spunDocs.reduce((n, d) => n + tokenize(d).length, 0)

console.log(`# unspin benchmark\n`)
console.log(`${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB`)
console.log(`glossary: ${glossary.compiled.rules.length} entries, ${glossary.compiled.forms.length} forms · clean: ${docs.length} SOTU addresses, ${f1(allBytes / MiB)} MiB · subset: ${subset.length} addresses, ${f2(subsetBytes / MiB)} MiB · spun subset: ${artifacts} artifacts, one per ${f1(spunWords / artifacts)} words`)

// ---- throughput beside the baselines ---------------------------------------------------------------
const perDoc = (list, fn) => () => {
  for (const d of list) fn(d)
}
const bare = (text) => {
  const tokens = tokenize(text, 0, text.length, text.toLowerCase(), glossary.automaton.words)
  const out = []
  for (let i = 0; i < tokens.length; i++) glossary.automaton.matchesAt(text, tokens, i, out)
  return out.length
}
const parser = unified().use(retextEnglish)
const equality = retext().use(retextEquality)
const rows = []
const measure = (name, list, listBytes, fn, runs) => {
  const s = time(perDoc(list, fn), runs)
  rows.push({name, mibs: listBytes / MiB / s, docs: list.length / s})
}
measure('bare automaton scan (tokenize + trie), clean', subset, subsetBytes, bare)
measure('unspin analyze(), clean', subset, subsetBytes, (d) => analyze(d))
measure('unspin normalize(), clean', subset, subsetBytes, (d) => normalize(d))
measure('unspin analyze(), spun', spunDocs, spunBytes, (d) => analyze(d))
measure('unspin normalize(), spun', spunDocs, spunBytes, (d) => normalize(d))
measure('retext-english parse alone, clean', subset, subsetBytes, (d) => parser.parse(d), quick ? 1 : 3)
measure('retext + retext-equality, clean', subset, subsetBytes, (d) => equality.runSync(equality.parse(d)), quick ? 1 : 3)
const by = Object.fromEntries(rows.map((r) => [r.name, r.mibs]))
const ref = by['unspin analyze(), clean']
table(`Throughput on the same ${f2(subsetBytes / MiB)} MiB (one call per address)`, ['what', 'MiB/s', 'docs/s', 'analyze() clean is ×'], rows.map((r) => [r.name, f1(r.mibs), f1(r.docs), f1(ref / r.mibs)]))
const whole = time(perDoc(docs, (d) => analyze(d)), quick ? 1 : 3)
console.log(`\nAll ${docs.length} addresses (${f1(allBytes / MiB)} MiB): analyze() ${f1(allBytes / MiB / whole)} MiB/s, ${f1(docs.length / whole)} docs/s.`)

// ---- scaling ---------------------------------------------------------------------------------------
const joined = docs.join('\n\n')
const sizes = [0.25, 0.5, 1, 2, 4, 8]
// in turns, like the glossary sizes below: every size sees the same JIT state and machine noise
const bySize = sizes.map((size) => ({size, text: joined.slice(0, Math.floor(size * MiB)), samples: []}))
for (let round = 0; round < (quick ? 2 : 5); round++) {
  for (const s of bySize) {
    const t = performance.now()
    analyze(s.text)
    if (round > 0) s.samples.push((performance.now() - t) / 1000)
  }
}
table('Scaling with input size (one document)', ['MiB', 'analyze() MiB/s'], bySize.map((s) => [String(s.size), f1(bytes(s.text) / MiB / medianOf(s.samples))]))
const full = bundledGlossary()
const oneMiB = joined.slice(0, MiB)
// subsets of every n-th entry; measured in turns (round-robin), so that JIT warm-up and machine noise
// fall on all sizes alike; full/10 → full is the "glossary ×10" comparison
const tenth = Math.round(full.rules.length / 10)
const sizesByEntries = [...new Set([100, 1000, tenth, full.rules.length])].filter((n) => n <= full.rules.length).sort((a, b) => a - b)
const subsets = sizesByEntries.map((n) => {
  const step = full.rules.length / n
  const keep = new Set(Array.from({length: n}, (_, i) => Math.floor(i * step)))
  return {n, glossary: n === full.rules.length ? prepareGlossary(full) : prepareGlossary({...full, forms: full.forms.filter((f) => keep.has(f.rule))}), samples: []}
})
for (let round = 0; round < (quick ? 3 : 9); round++) {
  for (const s of subsets) {
    const t = performance.now()
    findChanges(oneMiB, s.glossary)
    if (round > 0) s.samples.push((performance.now() - t) / 1000)
  }
}
const glossaryRows = subsets.map(({n, glossary, samples}) => {
  const s = medianOf(samples)
  return [String(n), String(glossary.compiled.forms.length), f2(s * 1000), f1(1 / s)]
})
table('Scaling with glossary size (1 MiB, findChanges)', ['entries', 'forms', 'ms', 'MiB/s'], glossaryRows)
const timeOf = (n) => medianOf(subsets.find((s) => s.n === n).samples)
console.log(`\nglossary ×10 (${tenth} → ${full.rules.length} entries): ×${f2(timeOf(full.rules.length) / timeOf(tenth))} time; ${100} → ${full.rules.length}: ×${f2(timeOf(full.rules.length) / timeOf(100))}`)

// ---- CLI -------------------------------------------------------------------------------------------
// Files live in memory (tmpfs) when the machine has one: creating a file on this VM's disk costs about
// 0.9 ms of kernel time, which would measure the disk rather than unspin (one disk row is kept below).
const shm = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()
const work = mkdtempSync(join(shm, 'unspin-bench-'))
const disk = mkdtempSync(join(tmpdir(), 'unspin-bench-'))
const cli = (args, input) => spawnSync(process.execPath, ['dist/cli.js', ...args], {input, encoding: 'utf8', maxBuffer: 1 << 30})
const wall = (fn, runs) => time(fn, runs)
const bareNode = wall(() => spawnSync(process.execPath, ['-e', '0']), 5)
const version = wall(() => cli(['--version']), 5)
const sentence = wall(() => cli(['-q'], 'A senior White Home official stated this 12 months’s talks will heart on migration.\n'), 5)
const articles = join(work, 'articles')
mkdirSync(articles)
// 2,000 articles of about 5 KB, half clean (SOTU), half spun (the reverse-spun subset), cut at spaces
const spunJoined = spunDocs.join('\n\n')
const slice = (text, i) => {
  const from = text.indexOf(' ', (i * 5000) % (text.length - 6000)) + 1
  return text.slice(from, text.indexOf(' ', from + 5000))
}
let articleBytes = 0
for (let i = 0; i < 2000; i++) {
  const text = i % 2 ? slice(spunJoined, i) : slice(joined, i)
  articleBytes += bytes(text)
  writeFileSync(join(articles, `a${String(i).padStart(4, '0')}.txt`), text)
}
const jobs = (n, root = work, folder = articles) => wall(() => {
  rmSync(join(root, 'out'), {recursive: true, force: true})
  cli(['-q', '--jobs', String(n), '--out', join(root, 'out'), folder])
}, 1)
const j1 = jobs(1)
const j2 = jobs(2)
const onDisk = jobs(1, disk)
// four times as many: each thread's fixed cost (loading, and V8 compiling the matcher: over a second of
// CPU per thread) weighs less
const manyArticles = join(work, 'many')
mkdirSync(manyArticles)
for (let i = 0; i < 8000; i++) writeFileSync(join(manyArticles, `m${String(i).padStart(4, '0')}.txt`), readFileSync(join(articles, `a${String(i % 2000).padStart(4, '0')}.txt`)))
const m1 = jobs(1, work, manyArticles)
const m2 = jobs(2, work, manyArticles)
table('CLI', ['what', 'value'], [
  ['`node -e 0` (the floor: Node itself)', `${f1(bareNode * 1000)} ms`],
  ['`unspin --version` start-up', `${f1(version * 1000)} ms`],
  ['one-sentence run (stdin)', `${f1(sentence * 1000)} ms`],
  [`2,000 articles (${f1(articleBytes / MiB)} MiB), --jobs 1`, `${f2(j1)} s (${f1(articleBytes / MiB / j1)} MiB/s)`],
  ['same, --jobs 2', `${f2(j2)} s (${f1(articleBytes / MiB / j2)} MiB/s), ×${f2(j1 / j2)}`],
  [`same, --jobs 1, written to disk (${tmpdir()})`, `${f2(onDisk)} s (${f1(articleBytes / MiB / onDisk)} MiB/s)`],
  [`8,000 articles (${f1((4 * articleBytes) / MiB)} MiB), --jobs 1`, `${f2(m1)} s (${f1((4 * articleBytes) / MiB / m1)} MiB/s)`],
  ['same, --jobs 2', `${f2(m2)} s (${f1((4 * articleBytes) / MiB / m2)} MiB/s), ×${f2(m1 / m2)}`]
])

// ---- memory on a JSON Lines stream -------------------------------------------------------------------
const jsonl = join(work, 'stream.jsonl')
const target = (big ? 1024 : 64) * MiB
const out = createWriteStream(jsonl)
let written = 0
for (let i = 0; written < target; i++) {
  const record = JSON.stringify({id: i, text: i % 2 ? spunDocs[i % spunDocs.length] : subset[i % subset.length]}) + '\n'
  written += bytes(record)
  if (!out.write(record)) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
const rssRun = (n) => {
  const t = performance.now()
  const r = spawnSync(process.execPath, ['bench/rss.mjs', '-q', '--jobs', String(n), '--annotate', jsonl], {encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'ignore', 'pipe']})
  const kib = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN)
  return {mib: kib / 1024, s: (performance.now() - t) / 1000}
}
const r1 = rssRun(1)
const r2 = rssRun(2)
table(`Peak memory on a ${f1(written / MiB)} MiB JSON Lines stream (--annotate, output discarded)`, ['jobs', 'peak RSS (whole process)', 'per worker', 'MiB/s'], [
  ['1', `${f1(r1.mib)} MiB`, `${f1(r1.mib)} MiB`, f1(written / MiB / r1.s)],
  ['2', `${f1(r2.mib)} MiB`, `${f1(r2.mib / 2)} MiB`, f1(written / MiB / r2.s)]
])
rmSync(work, {recursive: true, force: true})
rmSync(disk, {recursive: true, force: true})
console.log(`\nfiles in ${shm}${shm === '/dev/shm' ? ' (tmpfs)' : ''}`)
console.log(`\nbench finished in ${f1((performance.now() - started) / 1000)} s`)
