// Precision on clean prose: every State of the Union address and every Brown corpus sample must come
// out byte-identical, and no certain-tier artifact may be found in them.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyze} from '../src/index.js'
// @ts-expect-error plain ESM helper without types
import {brown, sotu} from '../scripts/corpora.mjs'

type Doc = {id: string; text: string}

const check = (docs: Doc[]) => {
  const changed: string[] = []
  let certain = 0
  let gateOpened = 0
  for (const doc of docs) {
    const result = analyze(doc.text)
    certain += result.evidence.certain
    if (result.spun) gateOpened++
    if (result.text !== doc.text) changed.push(`${doc.id}: ${result.changes.map((c) => `${c.actual} → ${c.expected} (${c.ruleId})`).join('; ')}`)
  }
  return {changed, certain, gateOpened}
}

describe('clean corpora stay clean', () => {
  it('changes nothing in any State of the Union address', () => {
    const docs = sotu() as Doc[]
    expect(docs.length).toBeGreaterThan(200)
    expect(check(docs)).toEqual({changed: [], certain: 0, gateOpened: 0})
  })

  it('changes nothing in modern clean news prose full of look-alikes, nor in the originals of the spun passages', () => {
    const read = (dir: string, suffix: string) =>
      readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .map((f) => ({id: join(dir, f), text: readFileSync(join(dir, f), 'utf8')}))
    const docs = [...read('test/fixtures/clean', '.txt'), ...read('test/fixtures/eval', '.original.txt')]
    expect(docs.length).toBeGreaterThan(20)
    expect(check(docs)).toEqual({changed: [], certain: 0, gateOpened: 0})
  })

  it('changes nothing in any Brown corpus sample', () => {
    const docs = brown() as Doc[]
    expect(docs.length).toBe(500)
    expect(check(docs)).toEqual({changed: [], certain: 0, gateOpened: 0})
  })
})
