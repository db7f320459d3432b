// Learning from parallel text: word alignment, proposals that recover the entries a reverse spin used,
// YAML that compiles as a glossary and restores its own examples, and the `unspin learn` command.
import {mkdtempSync, readFileSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it, vi} from 'vitest'
import {compileGlossaries} from '../src/glossary/compile.js'
import {prepareGlossary} from '../src/glossary/loaded.js'
import {reverseSpin} from '../src/eval/reverse-spin.js'
import {findChanges} from '../src/match/find.js'
import {applyFixes} from '../src/fix/apply-fixes.js'
import {alignTexts} from '../src/learn/align.js'
import {proposeEntries} from '../src/learn/propose.js'
import {glossaryYaml, proposalsToEntries} from '../src/learn/to-yaml.js'
import {runLearn} from '../src/cli/learn-command.js'
import type {RawGlossaryFile} from '../src/glossary/types.js'

const lexicon = {
  classes: (parse(readFileSync('dictionaries/lexicon/classes.yml', 'utf8')) as {classes: Record<string, string[]>}).classes,
  irregulars: parse(readFileSync('dictionaries/lexicon/irregular.yml', 'utf8'))
}
const glossary = prepareGlossary(
  compileGlossaries([{name: 'basic.yml', raw: parse(readFileSync('test/fixtures/glossary/basic.yml', 'utf8'))}], lexicon)
)

const originals = [
  'The White House said this year that two foreign ministers will meet.\nOfficials said hundreds of thousands of people came during Tuesday’s sessions.',
  'This year the White House hosted the foreign minister. We have a plan, officials said, and migrants wait in Mexico.',
  'Officials of the White House expect hundreds of people this year.'
]

describe('alignTexts', () => {
  it('finds the differing stretches between common words', () => {
    const {hunks, spunTokens, originalTokens} = alignTexts('A senior White Home official said it.', 'A senior White House official said it.')
    expect(hunks).toHaveLength(1)
    const h = hunks[0]!
    expect(spunTokens.slice(h.spunFirst, h.spunEnd).map((t) => t.norm)).toEqual(['home'])
    expect(originalTokens.slice(h.originalFirst, h.originalEnd).map((t) => t.norm)).toEqual(['house'])
  })

  it('aligns texts with different line counts as a whole', () => {
    const {hunks} = alignTexts('one two\nthree four', 'one two three five')
    expect(hunks).toHaveLength(1)
  })
})

describe('proposeEntries', () => {
  it('recovers the entries a reverse spin used, with counts and examples', () => {
    const pairs = originals.map((original, k) => ({name: `p${k}.txt`, original, spun: reverseSpin(original, glossary, {rate: 1, seed: k + 1}).spun}))
    const proposals = proposeEntries(pairs)
    const found = new Set(proposals.map((p) => `${p.variant} → ${p.canonical}`))
    // one-word changes stay one word unless the same context accompanies every occurrence ("white home");
    // shifted phrases ("tons of of hundreds" for "hundreds of thousands") do not align word by word
    for (const expected of [
      'white home → white house',
      'this 12 months → this year',
      'international → foreign',
      'officers → officials',
      'throughout → during',
      'periods → sessions',
      'attend → wait',
      'now we → we',
      'tons of → hundreds'
    ])
      expect(found).toContain(expected)
    const white = proposals.find((p) => p.variant === 'white home')!
    expect(white.count).toBe(3)
    expect(white.pairs).toEqual(['p0.txt', 'p1.txt', 'p2.txt'])
    expect(white.examples[0]).toEqual({spun: 'The White Home said this 12 months that two international ministers will meet.', restored: 'The White House said this 12 months that two international ministers will meet.'})
  })

  it('marks what the glossary already restores', () => {
    const proposals = proposeEntries([{name: 'x', spun: 'The White Home said so, the boss remarked.', original: 'The White House said so, the boss noted.'}], {glossary})
    expect(proposals.find((p) => p.variant === 'home')!.known).toBe(true)
    expect(proposals.find((p) => p.variant === 'remarked')!.known).toBe(false)
  })

  it('writes YAML that compiles and restores its own examples', () => {
    const pairs = originals.map((original, k) => ({name: `p${k}`, original, spun: reverseSpin(original, glossary, {rate: 1, seed: k + 1}).spun}))
    const yaml = glossaryYaml(proposalsToEntries(proposeEntries(pairs)))
    const raw = parse(yaml) as RawGlossaryFile
    expect(raw.entries!.every((e) => e.id.startsWith('learned-') && e.note && e.source)).toBe(true)
    const learned = prepareGlossary(compileGlossaries([{name: 'learned.yml', raw}], lexicon))
    for (const entry of raw.entries!)
      for (const example of entry.examples ?? []) {
        if (!('spun' in example)) continue
        const {changes} = findChanges(example.spun, learned, {gate: 'open'})
        const restored = applyFixes(example.spun, changes.filter((c) => c.ruleId === entry.id).map((c) => ({range: [c.start, c.end] as const, text: c.expected}))).output
        expect(restored).toBe(example.restored)
      }
  })
})

describe('unspin learn', () => {
  it('pairs folders by file name and writes proposals', {timeout: 120_000}, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-learn-'))
    mkdirSync(join(dir, 'spun'))
    mkdirSync(join(dir, 'original'))
    originals.forEach((original, k) => {
      writeFileSync(join(dir, 'original', `${k}.txt`), original)
      writeFileSync(join(dir, 'spun', `${k}.txt`), reverseSpin(original, glossary, {rate: 1, seed: k + 1}).spun)
    })
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    const out = join(dir, 'learned.yml')
    expect(await runLearn(['--spun', join(dir, 'spun'), '--original', join(dir, 'original'), '--out', out, '--include-known'])).toBe(0)
    const raw = parse(readFileSync(out, 'utf8')) as RawGlossaryFile
    expect(raw.entries!.some((e) => e.canonical === 'white house' && e.variants.includes('white home'))).toBe(true)
    expect(raw.entries!.some((e) => e.canonical === 'this year' && e.variants.includes('this 12 months'))).toBe(true)
    expect(await runLearn(['--spun', join(dir, 'spun')])).toBe(2)
    expect(await runLearn(['--spun', join(dir, 'spun'), '--original', join(dir, 'nothing')])).toBe(2)
    stderr.mockRestore()
  })
})
