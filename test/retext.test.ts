// The retext plugin shares the matcher with normalize(): same findings, standard vfile messages,
// and applyFixes over the messages reproduces normalize().
import {readFileSync} from 'node:fs'
import {retext} from 'retext'
import {describe, expect, it} from 'vitest'
import {applyFixes, normalize, retextUnspin} from '../src/index.js'

const seed = readFileSync('test/fixtures/seed/seed-article.spun.txt', 'utf8')

describe('retext-unspin', () => {
  it('reports standard messages with offsets', async () => {
    const file = await retext().use(retextUnspin).process('A senior White Home official stated this 12 months’s talks will heart on migration.')
    const white = file.messages.find((m) => m.actual === 'White Home')!
    expect(white).toMatchObject({source: 'unspin', expected: ['White House'], fatal: false})
    expect(white.ruleId).toMatch(/\S/)
    expect(white.place).toMatchObject({start: {line: 1, column: 10, offset: 9}, end: {line: 1, column: 20, offset: 19}})
  })

  it('agrees with normalize() on the seed article', async () => {
    const file = await retext().use(retextUnspin).process(seed)
    expect(file.messages.length).toBeGreaterThan(60)
    expect(applyFixes(seed, file.messages).output).toBe(normalize(seed))
  })
})
