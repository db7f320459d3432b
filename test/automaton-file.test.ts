// The build's precompiled automaton (dist/glossary.automaton.bin): saved parts restore an automaton
// that finds exactly what a freshly built one finds, a file from another glossary is refused, and a
// corrupt or stale build output falls back to compiling the source.
import {mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {bundledGlossary, readBuiltGlossary} from '../src/glossary/load.js'
import {prepareGlossary} from '../src/glossary/loaded.js'
import {decodeAutomaton, encodeAutomaton} from '../src/match/automaton-file.js'
import {findChanges} from '../src/match/find.js'

const compiled = bundledGlossary()
const built0 = prepareGlossary(compiled)
const file = encodeAutomaton(built0.automaton.parts(), 1234, compiled.forms.length)

describe('precompiled automaton', () => {
  it('restores an automaton that finds the same changes as a freshly built one', () => {
    const parts = decodeAutomaton(file, 1234, compiled.forms.length)
    expect(parts).toBeDefined()
    const restored = prepareGlossary(compiled, parts)
    const text = readFileSync('test/fixtures/seed/seed-article.spun.txt', 'utf8') + '\nThe U.S. authorities’s café and the Navy authorities’s plan.'
    const fresh = findChanges(text, built0, {gate: 'open'}).changes
    expect(fresh.length).toBeGreaterThan(50)
    expect(findChanges(text, restored, {gate: 'open'}).changes).toEqual(fresh)
  })

  it('also reads a file whose sections are not aligned in memory', () => {
    const shifted = Buffer.alloc(file.length + 1)
    file.copy(shifted, 1)
    const parts = decodeAutomaton(shifted.subarray(1), 1234, compiled.forms.length)
    expect(parts?.edges).toEqual(built0.automaton.parts().edges)
  })

  it('refuses a file built from another glossary, or not an automaton at all', () => {
    expect(decodeAutomaton(file, 1235, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(file, 1234, compiled.forms.length + 1)).toBeUndefined()
    expect(decodeAutomaton(Buffer.from('{"magic":"something else"}\n'), 1234, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(Buffer.from('not json at all'), 1234, compiled.forms.length)).toBeUndefined()
    expect(decodeAutomaton(file.subarray(0, file.length - 100), 1234, compiled.forms.length)).toBeUndefined()
  })
})

describe('reading the build output', () => {
  const setup = (json: string, automaton?: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-built-'))
    mkdirSync(join(dir, 'dictionaries'))
    writeFileSync(join(dir, 'dictionaries', 'a.yml'), 'topic: a\nentries: []\n')
    const built = join(dir, 'glossary.json')
    writeFileSync(built, json)
    if (automaton) writeFileSync(join(dir, 'glossary.automaton.bin'), automaton)
    const later = new Date(Date.now() + 60_000)
    utimesSync(built, later, later)
    return {built, source: join(dir, 'dictionaries')}
  }

  it('uses the saved automaton that belongs to the file', () => {
    const json = JSON.stringify(compiled)
    const {built, source} = setup(json, encodeAutomaton(built0.automaton.parts(), Buffer.byteLength(json), compiled.forms.length))
    const read = readBuiltGlossary(built, source)
    expect(read?.compiled.forms.length).toBe(compiled.forms.length)
    expect(read?.automaton).toBeDefined()
  })

  it('ignores an automaton saved for another glossary, and a missing one', () => {
    const json = JSON.stringify(compiled)
    const other = setup(json, file) // saved for a glossary of 1234 bytes
    expect(readBuiltGlossary(other.built, other.source)?.automaton).toBeUndefined()
    const none = setup(json)
    expect(readBuiltGlossary(none.built, none.source)?.automaton).toBeUndefined()
    expect(readBuiltGlossary(none.built, none.source)?.compiled.rules.length).toBe(compiled.rules.length)
  })

  it('warns and falls back to the source when the file is corrupt or stale', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    const {built, source} = setup(JSON.stringify(compiled).slice(0, 5000))
    expect(readBuiltGlossary(built, source)).toBeUndefined()
    expect(warn.mock.calls[0]![0]).toMatch(/glossary\.json is unreadable .*compiling .*dictionaries instead/)
    warn.mockRestore()
    const earlier = new Date(Date.now() - 3_600_000)
    utimesSync(built, earlier, earlier)
    expect(readBuiltGlossary(built, source)).toBeUndefined()
  })
})
