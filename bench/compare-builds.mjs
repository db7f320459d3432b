// Same-process A/B of two builds of unspin (e.g. a worktree of the previous commit and this one), for
// changes smaller than this machine's run-to-run noise: both builds run in one process, in turns, on
// the same text, and the medians are compared. Not part of `npm run bench`.
//
//   git worktree add --detach ../unspin-before HEAD~1 && (cd ../unspin-before && npm ci && npm run build)
//   node bench/compare-builds.mjs ../unspin-before .
import {resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import {sotu} from '../scripts/corpora.mjs'

const [a, b] = process.argv.slice(2)
if (!a || !b) {
  console.error('usage: node bench/compare-builds.mjs BUILD_A BUILD_B   (package folders with dist/ built)')
  process.exit(2)
}
const load = (dir) => import(pathToFileURL(resolve(dir, 'dist/internal.js')).href)
const builds = [await load(a), await load(b)]
const MiB = 2 ** 20

const docs = sotu().map((d) => d.text)
const clean = docs.join('\n\n').slice(0, MiB)
// the benchmark's spun subset: the most recent addresses, about 1 MiB, spun with build A's glossary
const recent = []
for (let n = 0, i = docs.length - 1; n < MiB && i >= 0; i--) {
  recent.push(docs[i])
  n += Buffer.byteLength(docs[i])
}
const glossaries = builds.map((m) => m.prepareGlossary(m.bundledGlossary()))
const spun = recent.map((d, i) => builds[0].reverseSpin(d, glossaries[0], {rate: 0.9, seed: i + 1}).spun)

const cases = {
  'findChanges, 1 MiB clean': (m, g) => m.findChanges(clean, g),
  'findChanges, 1 MiB spun (per address)': (m, g) => {
    for (const d of spun) m.findChanges(d, g)
  }
}
const rounds = 16
for (const [name, run] of Object.entries(cases)) {
  const samples = [[], []]
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < 2; k++) {
      const t = performance.now()
      run(builds[k], glossaries[k])
      if (r >= 3) samples[k].push(performance.now() - t)
    }
  }
  const [ma, mb] = samples.map((s) => s.sort((x, y) => x - y)[s.length >> 1])
  console.log(`${name}: A ${ma.toFixed(1)} ms, B ${mb.toFixed(1)} ms, B/A ${(mb / ma).toFixed(3)}`)
}
