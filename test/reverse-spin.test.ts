// Reverse spinning: deterministic, casing kept, and every artifact restored by the matcher (spin then
// normalize gives the clean text back); gold TSV rows in the seed's format.
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {compileGlossaries} from '../src/glossary/compile.js'
import {prepareGlossary} from '../src/glossary/loaded.js'
import {goldTsv, reverseSpin} from '../src/eval/reverse-spin.js'
import {findChanges} from '../src/match/find.js'
import {applyFixes} from '../src/fix/apply-fixes.js'

const lexicon = {
  classes: (parse(readFileSync('dictionaries/lexicon/classes.yml', 'utf8')) as {classes: Record<string, string[]>}).classes,
  irregulars: parse(readFileSync('dictionaries/lexicon/irregular.yml', 'utf8'))
}
const glossary = prepareGlossary(
  compileGlossaries([{name: 'basic.yml', raw: parse(readFileSync('test/fixtures/glossary/basic.yml', 'utf8'))}], lexicon)
)
const restore = (text: string) =>
  applyFixes(text, findChanges(text, glossary, {gate: 'open'}).changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))).output

const clean =
  'The White House said this year that migrants waited in Mexico.\n' +
  'This Year, officials met two foreign ministers during Thursday’s sessions. We have hundreds of thousands of people.\n' +
  'THIS YEAR the White House’s foreign minister spoke; the white house on the hill stayed. Police officers came.'

describe('reverseSpin', () => {
  it('spins every canonical phrase at rate 1, keeping casing, and normalize restores the clean text', () => {
    const {spun, artifacts} = reverseSpin(clean, glossary, {rate: 1, seed: 7})
    expect(spun).toContain('White Home said this 12 months')
    expect(spun).toContain('This 12 Months,')
    expect(spun).toContain('THIS 12 MONTHS')
    expect(spun).toContain('White Home’s international minister')
    expect(spun).toContain('the white house on the hill')
    expect(spun).toContain('throughout Thursday’s periods')
    expect(spun).toContain('tons of of hundreds of people')
    expect(spun.split('\n')).toHaveLength(3)
    for (const a of artifacts) expect(spun.slice(a.start, a.end)).toBe(a.spun)
    expect(restore(spun)).toBe(clean)
  })

  it('is deterministic for a seed and spins about `rate` of the sites', () => {
    const text = Array.from({length: 200}, (_, i) => `In year ${i} the White House said this year was good.`).join(' ')
    const a = reverseSpin(text, glossary, {rate: 0.3, seed: 11})
    expect(reverseSpin(text, glossary, {rate: 0.3, seed: 11})).toEqual(a)
    expect(reverseSpin(text, glossary, {rate: 0.3, seed: 12}).spun).not.toBe(a.spun)
    expect(a.artifacts.length).toBeGreaterThan(0.2 * 400)
    expect(a.artifacts.length).toBeLessThan(0.4 * 400)
    expect(restore(a.spun)).toBe(text)
    expect(reverseSpin(text, glossary, {rate: 0}).artifacts).toEqual([])
  })

  it('honours tiers and disable', () => {
    const certainOnly = reverseSpin(clean, glossary, {rate: 1, tiers: ['certain']})
    expect(certainOnly.artifacts.every((a) => a.tier === 'certain')).toBe(true)
    expect(certainOnly.spun).toContain('officials')
    const noYear = reverseSpin(clean, glossary, {rate: 1, disable: ['t-this-year']})
    expect(noYear.artifacts.some((a) => a.ruleId === 't-this-year')).toBe(false)
  })

  it('keeps only artifacts whose context lets the matcher restore them', () => {
    const {spun} = reverseSpin('Their officials and police officials met. Officials said.', glossary, {rate: 1})
    expect(spun).toBe('Their officials and police officials met. Officers said.')
  })
})

describe('goldTsv', () => {
  it('writes one row per artifact in the seed format, unique within its line', () => {
    const result = reverseSpin('This year the White House said this year.\nOfficials said.', glossary, {rate: 1, seed: 2})
    const rows = goldTsv(result).trimEnd().split('\n')
    expect(rows[0]).toBe('line\tlevel\tspun\trestorations')
    expect(rows).toContain('1\tR\tWhite Home\tWhite House')
    expect(rows).toContain('2\tO\tOfficers\tOfficials')
    const lines = result.spun.split('\n')
    for (const row of rows.slice(1)) {
      const [line, , spun] = row.split('\t')
      expect(lines[Number(line) - 1]).toContain(spun)
    }
    // "this 12 months" occurs twice on line 1: either both share a row or each row is widened to be unique
    const year = rows.filter((r) => r.includes('12 months'))
    expect(year.length).toBeGreaterThan(0)
  })
})
