// The public API on real text: normalize, analyze's report, applyFixes, user glossaries and disabling.
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {analyze, applyFixes, GlossaryErrors, normalize} from '../src/index.js'

const sentence = 'A senior White Home official stated this 12 months’s talks will heart on migration.'

describe('normalize', () => {
  it('restores the README example', () => {
    expect(normalize(sentence)).toBe('A senior White House official said this year’s talks will center on migration.')
  })

  it('leaves clean text and the empty string alone', () => {
    expect(normalize('')).toBe('')
    const clean = 'The White House said this year’s insurance policies will be filed in a court docket.'
    expect(normalize(clean)).toBe(clean)
  })

  it('rejects non-strings with a clear error', () => {
    expect(() => normalize(42 as unknown as string)).toThrow(/expected a string/)
  })
})

describe('analyze', () => {
  it('reports where, what and why', () => {
    const report = analyze(sentence)
    expect(report.spun).toBe(true)
    expect(report.score).toBeGreaterThan(0.5)
    const white = report.changes.find((c) => c.actual === 'White Home')!
    expect(white).toMatchObject({start: 9, end: 19, expected: 'White House', confidence: 'certain'})
    expect(white.ruleId).toMatch(/\S/)
    expect(white.note).toMatch(/\S/)
    expect(report.changes.map((c) => sentence.slice(c.start, c.end))).toEqual(report.changes.map((c) => c.actual))
  })

  it('is not judged spun without certain evidence', () => {
    const report = analyze('Officers stated that the insurance policies were in the court docket.')
    expect(report).toMatchObject({spun: false, changes: []})
    expect(report.score).toBeLessThan(0.5)
  })

  it('honours disable by id and by file', () => {
    const id = analyze(sentence).changes.find((c) => c.actual === 'White Home')!.ruleId
    expect(normalize(sentence, {disable: [id]})).toContain('White Home')
    const file = analyze(sentence).changes[0]!.file
    expect(analyze(sentence, {disable: [`file:${file}`]}).changes.every((c) => c.file !== file)).toBe(true)
  })

  it('uses a user glossary, overriding bundled entries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-api-'))
    const file = join(dir, 'mine.yml')
    writeFileSync(file, 'topic: mine\nentries:\n  - id: my-blue\n    canonical: blue sky\n    variants: [azure heaven]\n    tier: certain\n')
    expect(normalize('The azure heaven today.', {glossaries: [file]})).toBe('The blue sky today.')
  })

  it('matches words the fast word index cannot read: accents, typographic apostrophes, initialisms, casing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-api-'))
    const file = join(dir, 'words.yml')
    writeFileSync(
      file,
      [
        'topic: words',
        'entries:',
        '  - {id: cafe, canonical: coffee shop, variants: [café society], tier: certain}',
        "  - {id: dont, canonical: do not, variants: [don't ever], tier: certain}",
        '  - {id: us-gov, canonical: US government, variants: [U.S. authorities], tier: certain}',
        '  - {id: co-op, canonical: cooperative, variants: [co-op store], tier: certain}'
      ].join('\n') + '\n'
    )
    const options = {glossaries: [file], bundled: false}
    expect(normalize('A Café Society opened.', options)).toBe('A Coffee Shop opened.')
    expect(normalize('I don’t ever go.', options)).toBe('I do not go.')
    expect(normalize('The U.S. authorities said.', options)).toBe('The US government said.')
    expect(normalize('The co‑op store’s owner.', options)).toBe('The cooperative’s owner.')
    expect(normalize('The cafe society and dont ever and co op store.', options)).toBe('The cafe society and dont ever and co op store.')
  })

  it('fails on a broken user glossary with the file, the entry and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-api-'))
    const file = join(dir, 'broken.yml')
    writeFileSync(file, 'topic: broken\nentries:\n  - id: bad\n    canonical: same\n    variants: [same]\n    tier: maybe\n')
    expect(() => normalize('x', {glossaries: [file]})).toThrow(GlossaryErrors)
    expect(() => normalize('x', {glossaries: [file]})).toThrow(/broken\.yml \(bad\): tier must be certain or contextual/)
  })
})

describe('applyFixes', () => {
  it('applies fixes from the end, keeps overlapping and stale ones, applies adjacent ones', () => {
    const result = applyFixes('abcdef', [
      {range: [0, 2], text: 'X'},
      {range: [1, 3], text: 'Y'},
      {range: [3, 3], text: '-'},
      {range: [4, 6], text: 'Z', actual: 'ef'},
      {range: [3, 4], text: 'W', actual: 'nope'}
    ])
    // by end, descending: Z; W is stale; '-' (at 3) and Y (1..3) are adjacent; X overlaps Y
    expect(result.output).toBe('aY-dZ')
    expect(result.applied.map((f) => f.text)).toEqual(['Y', '-', 'Z'])
    expect(result.remaining.map((f) => f.text)).toEqual(['X', 'W'])
  })
})
