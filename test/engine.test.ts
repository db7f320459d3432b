// The matcher on a small fixture glossary: casing, possessives, inflection, templates, context,
// tiers and the evidence gate, longest match, byte-identical text outside the edits.
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {compileGlossaries} from '../src/glossary/compile.js'
import {prepareGlossary} from '../src/glossary/loaded.js'
import {findChanges, type FindOptions} from '../src/match/find.js'
import {tokenize} from '../src/match/tokenize.js'
import {WordIndex} from '../src/match/word-index.js'
import {applyFixes} from '../src/fix/apply-fixes.js'
import type {RawEntry} from '../src/glossary/types.js'

const lexicon = {
  classes: (parse(readFileSync('dictionaries/lexicon/classes.yml', 'utf8')) as {classes: Record<string, string[]>}).classes,
  irregulars: parse(readFileSync('dictionaries/lexicon/irregular.yml', 'utf8'))
}
const glossary = prepareGlossary(
  compileGlossaries([{name: 'basic.yml', raw: parse(readFileSync('test/fixtures/glossary/basic.yml', 'utf8'))}], {
    irregulars: lexicon.irregulars,
    classes: lexicon.classes
  })
)
const restore = (text: string, options: FindOptions = {}) => {
  const {changes} = findChanges(text, glossary, options)
  return applyFixes(text, changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))).output
}

/** A glossary of a few inline entries (and extra word classes), compiled like a user's file. */
const inlineGlossary = (entries: RawEntry[], classes: Record<string, string[]> = {}) =>
  prepareGlossary(compileGlossaries([{name: 'inline.yml', raw: {topic: 'inline', entries}}], {irregulars: lexicon.irregulars, classes: {...lexicon.classes, ...classes}}))

describe('matcher', () => {
  it('restores certain artifacts and carries casing over', () => {
    expect(restore('A senior White Home official said this 12 months’s talks matter.')).toBe(
      'A senior White House official said this year’s talks matter.'
    )
    expect(restore('This 12 months was hard.')).toBe('This year was hard.')
    expect(restore('THIS 12 MONTHS')).toBe('THIS YEAR')
    expect(restore('International Minister Marcelo Ebrard')).toBe('Foreign Minister Marcelo Ebrard')
    expect(restore('Tons of of people came.')).toBe('Hundreds of people came.')
    expect(restore('Throughout Monday’s periods', {gate: 'open'})).toBe('During Monday’s sessions')
    expect(restore('the Mexican international minister’s office')).toBe('the Mexican foreign minister’s office')
    expect(restore('two international ministers')).toBe('two foreign ministers')
  })

  it('matches an entry written with capitals in that casing only', () => {
    expect(restore('a white home on the hill')).toBe('a white home on the hill')
    expect(restore('WHITE HOME')).toBe('WHITE HOME')
  })

  it('keeps contextual entries closed without certain evidence', () => {
    const text = 'Now we have to attend in Mexico, officers said.'
    expect(restore(text)).toBe(text)
    expect(restore(text, {gate: 'open'})).toBe('We have to wait in Mexico, officials said.')
  })

  it('opens the gate with enough certain evidence in the same document', () => {
    const text = 'The White Home said this 12 months that migrants attended in Mexico and police officers stayed.'
    expect(restore(text)).toBe('The White House said this year that migrants waited in Mexico and police officers stayed.')
  })

  it('applies context conditions, templates and suffix patterns', () => {
    expect(restore('their officers', {gate: 'open'})).toBe('their officers')
    expect(restore('the talks throughout Thursday’s periods', {gate: 'open'})).toBe('the talks during Thursday’s sessions')
    expect(restore('near finalizing the deal', {gate: 'open'})).toBe('close to finalizing the deal')
    expect(restore('near the border', {gate: 'open'})).toBe('near the border')
  })

  it('prefers the longest match and never crosses punctuation or blank lines', () => {
    expect(restore('tons of of hundreds of migrants')).toBe('hundreds of thousands of migrants')
    expect(restore('tons of of people')).toBe('hundreds of people')
    expect(restore('White. Home')).toBe('White. Home')
    expect(restore('White\n\nHome')).toBe('White\n\nHome')
    expect(restore('White\r\nHome')).toBe('White House')
  })

  it('keeps every character outside the edits', () => {
    const text = '  “Now we have an imaginative and prescient,”\r\n\t he said — 🙂 café\u00a0White Home.  '
    expect(restore(text, {gate: 'open'})).toBe('  “We have an vision,”\r\n\t he said — 🙂 café\u00a0White House.  ')
  })
})

describe('initialisms', () => {
  const glossaryWithPercent = prepareGlossary(
    compileGlossaries(
      [{name: 'pc.yml', raw: {topic: 'pc', entries: [{id: 'pc', canonical: 'percent', variants: ['p.c.'], tier: 'certain'}]}}],
      {irregulars: lexicon.irregulars, classes: lexicon.classes}
    )
  )
  const fix = (text: string) => {
    const {changes} = findChanges(text, glossaryWithPercent)
    return applyFixes(text, changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))).output
  }
  it('match with or without the final period and keep a sentence-ending one', () => {
    expect(fix('up 5 p.c. of voters, 6 p.c of others')).toBe('up 5 percent of voters, 6 percent of others')
    expect(fix('It rose 5 p.c. Then it fell 2 p.c.')).toBe('It rose 5 percent. Then it fell 2 percent.')
    expect(fix('about 5 p.c., they said')).toBe('about 5 percent, they said')
    expect(fix('“It fell 2 p.c.” He left.')).toBe('“It fell 2 percent.” He left.')
  })
})

describe('context classes', () => {
  it('match members of several words next to the phrase ("think tank")', () => {
    const withClass = inlineGlossary([{id: 'based', canonical: 'based in', variants: ['primarily based in'], tier: 'contextual', context: {before: ['@org']}}], {
      org: ['bank', 'think tank', 'the hedge fund']
    })
    const found = (text: string) => findChanges(text, withClass, {gate: 'open'}).changes.map((c) => c.expected)
    expect(found('A bank primarily based in Ohio.')).toEqual(['based in'])
    expect(found('A think tank primarily based in Ohio.')).toEqual(['based in'])
    expect(found('Also the hedge fund primarily based in Ohio.')).toEqual(['based in'])
    expect(found('A tank primarily based in Ohio.')).toEqual([])
    expect(found('A think, tank primarily based in Ohio.')).toEqual([])
  })
})

describe('rounds', () => {
  // two entries where one restoration completes the other's artifact with its neighbour
  const chained = inlineGlossary([
    {id: 'navy-frames', canonical: 'military authorities', variants: ['navy authorities'], tier: 'certain'},
    {id: 'gov-possessive', canonical: "government's", variants: ["authorities's"], tier: 'certain'},
    {id: 'year', canonical: 'year', variants: ['12 months'], tier: 'certain'}
  ])
  const run = (text: string) => {
    const {changes} = findChanges(text, chained)
    return {changes, output: applyFixes(text, changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected}))).output}
  }

  it('restores until nothing changes, so that restoring twice changes nothing', () => {
    const text = 'The Navy authorities’s plan for this 12 months.'
    const {changes, output} = run(text)
    expect(output).toBe('The Military government’s plan for this year.')
    expect(run(output).changes).toEqual([])
    // one change per place, on the original text, under the first round's entry
    expect(changes.map((c) => [c.actual, c.expected, c.ruleId])).toEqual([
      ['Navy authorities’s', 'Military government’s', 'navy-frames'],
      ['12 months', 'year', 'year']
    ])
    for (const c of changes) expect(text.slice(c.start, c.end)).toBe(c.actual)
  })

  it('never applies an entry to its own replacement (a canonical that contains its variant)', () => {
    const growing = inlineGlossary([{id: 'grow', canonical: 'hundreds of thousands', variants: ['hundreds'], tier: 'certain'}])
    const {changes} = findChanges('We saw hundreds of people.', growing)
    expect(changes.map((c) => c.expected)).toEqual(['hundreds of thousands'])
  })
})

describe('word ids read while tokenizing', () => {
  const vocabulary = ['white', 'home', "authorities's", 'stay-in-mexico', 'café', 'u.s', '12', 'months']
  const index = new WordIndex(vocabulary)
  const ids = (text: string) => tokenize(text, 0, text.length, null, index).map((t) => (t.id < 0 ? null : vocabulary[t.id]))

  it('finds every vocabulary word whatever its casing, apostrophe or hyphen, and nothing else', () => {
    expect(ids('White HOME whites hom 12 Months')).toEqual(['white', 'home', null, null, '12', 'months'])
    expect(ids('Authorities’s authoritiesʼs authorities-s Stay‑in‑Mexico stay-in-mexicO')).toEqual([
      "authorities's",
      "authorities's",
      null,
      'stay-in-mexico',
      'stay-in-mexico'
    ])
  })

  it('looks up words the hashes do not cover (non-ASCII letters, initialisms) by their text', () => {
    expect(ids('Café CAFÉ cafe U.S. U.S u.s. US')).toEqual(['café', 'café', null, 'u.s', 'u.s', 'u.s', null])
  })

  it('gives every word of a large vocabulary its own id', () => {
    const words = Array.from({length: 60_000}, (_, i) => i.toString(36) + (i % 7 === 0 ? "'s" : ''))
    const large = new WordIndex(words)
    const text = words.join(' ')
    expect(tokenize(text, 0, text.length, null, large).map((t) => t.id)).toEqual(words.map((_, i) => i))
  })
})
