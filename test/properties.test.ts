// Property tests over arbitrary input mixed with real glossary phrases: the reported changes reproduce
// the output, text outside them is untouched, normalize is idempotent, and nothing throws.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {analyze, loadGlossary, normalize} from '../src/index.js'

const {compiled} = loadGlossary().loaded
const phrases = compiled.forms.filter((_, i) => i % Math.max(1, Math.floor(compiled.forms.length / 400)) === 0).map((f) => f.words.join(' '))
const pieces = fc.oneof(
  {weight: 3, arbitrary: fc.constantFrom(...phrases)},
  {weight: 1, arbitrary: fc.constantFrom(...phrases).map((p) => p.toUpperCase())},
  {weight: 1, arbitrary: fc.constantFrom(...phrases).map((p) => p.replace(/^./, (c) => c.toUpperCase()) + '’s')},
  {weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n', '\r\n', '\n\n', '\t', '\u00a0', ', ', '. ', '“', '”', '-', '’', "'", '—')},
  {weight: 2, arbitrary: fc.string({unit: 'grapheme', maxLength: 8})},
  {weight: 1, arbitrary: fc.string({unit: 'binary', maxLength: 4})}
)
const documents = fc.array(pieces, {maxLength: 40}).map((parts) => parts.join(''))

describe('properties', () => {
  it('changes reproduce the output and leave everything else byte-identical', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const result = analyze(text)
        let rebuilt = ''
        let at = 0
        for (const change of result.changes) {
          expect(change.start).toBeGreaterThanOrEqual(at)
          expect(text.slice(change.start, change.end)).toBe(change.actual)
          rebuilt += text.slice(at, change.start) + change.expected
          at = change.end
        }
        rebuilt += text.slice(at)
        expect(rebuilt).toBe(result.text)
      }),
      {numRuns: 400}
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(documents, (text) => {
        const once = normalize(text)
        expect(normalize(once)).toBe(once)
      }),
      {numRuns: 400}
    )
  })

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 200}), (text) => {
        expect(typeof normalize(text)).toBe('string')
      }),
      {numRuns: 300}
    )
  })
})
