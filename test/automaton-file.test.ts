// The build's precompiled automaton (dist/glossary.automaton.bin): saved parts restore an automaton
// that finds exactly what a freshly built one finds, and a file from another glossary is refused.
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {bundledGlossary} from '../src/glossary/load.js'
import {prepareGlossary} from '../src/glossary/loaded.js'
import {decodeAutomaton, encodeAutomaton} from '../src/match/automaton-file.js'
import {findChanges} from '../src/match/find.js'

const compiled = bundledGlossary()
const built = prepareGlossary(compiled)
const file = encodeAutomaton(built.automaton.parts(), 1234, compiled.forms.length)

describe('precompiled automaton', () => {
  it('restores an automaton that finds the same changes as a freshly built one', () => {
    const parts = decodeAutomaton(file, 1234, compiled.forms.length)
    expect(parts).toBeDefined()
    const restored = prepareGlossary(compiled, parts)
    const text = readFileSync('test/fixtures/seed/seed-article.spun.txt', 'utf8') + '\nThe U.S. authorities’s café and the Navy authorities’s plan.'
    const fresh = findChanges(text, built, {gate: 'open'}).changes
    expect(fresh.length).toBeGreaterThan(50)
    expect(findChanges(text, restored, {gate: 'open'}).changes).toEqual(fresh)
  })

  it('also reads a file whose sections are not aligned in memory', () => {
    const shifted = Buffer.alloc(file.length + 1)
    file.copy(shifted, 1)
    const parts = decodeAutomaton(shifted.subarray(1), 1234, compiled.forms.length)
    expect(parts?.edgeKeys).toEqual(built.automaton.parts().edgeKeys)
  })

  it('refuses a file built from another glossary, or not an automaton at all', () => {
    expect(decodeAutomaton(file, 1235, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(file, 1234, compiled.forms.length + 1)).toBeUndefined()
    expect(decodeAutomaton(Buffer.from('{"magic":"something else"}\n'), 1234, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(Buffer.from('not json at all'), 1234, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(file.subarray(0, file.length - 100), 1234, compiled.forms.length)).toBeUndefined()
  })
})
