// The build's saved glossary (dist/glossary.automaton.bin): the automaton and records restored from it
// find exactly what a glossary built from the JSON finds, with the same messages; a file from another
// glossary or a damaged one is refused; a corrupt or stale build output falls back to the source.
import {mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {bundledGlossary, readBuiltGlossary, readSavedGlossary} from '../src/glossary/load.js'
import {prepareGlossary, restoreGlossary} from '../src/glossary/loaded.js'
import {decodeSavedGlossary, encodeSavedGlossary} from '../src/glossary/saved-file.js'
import {findChanges} from '../src/match/find.js'

const compiled = bundledGlossary()
const built0 = prepareGlossary(compiled)
const file = encodeSavedGlossary(compiled, built0.automaton.parts(), 1234)
const text = readFileSync('test/fixtures/seed/seed-article.spun.txt', 'utf8') + '\nThe U.S. authorities’s café and the Navy authorities’s plan.'

describe('saved glossary file', () => {
  it('restores a glossary that finds the same changes, with the same messages, as one built from the JSON', () => {
    const saved = decodeSavedGlossary(file, 1234)
    expect(saved).toBeDefined()
    const whole = vi.fn(() => compiled)
    const restored = restoreGlossary(saved!, whole)
    const fresh = findChanges(text, built0, {gate: 'open'}).changes
    expect(fresh.length).toBeGreaterThan(50)
    expect(findChanges(text, restored, {gate: 'open'}).changes).toEqual(fresh)
    // matching never needed the whole glossary; asking for it reads it once
    expect(whole).not.toHaveBeenCalled()
    expect(restored.compiled).toBe(compiled)
    expect(restored.compiled).toBe(compiled)
    expect(whole).toHaveBeenCalledTimes(1)
  })

  it('holds every rule and form as the JSON has it', () => {
    const restored = restoreGlossary(decodeSavedGlossary(file, 1234)!, () => compiled)
    compiled.rules.forEach((rule, index) => expect(restored.records.rule(index)).toEqual(rule))
    compiled.forms.forEach((form, index) => expect(restored.records.form(index)).toEqual(form))
    expect(() => restored.records.rule(compiled.rules.length)).toThrow(RangeError)
  })

  it('also reads a file whose sections are not aligned in memory', () => {
    const shifted = Buffer.alloc(file.length + 1)
    file.copy(shifted, 1)
    const saved = decodeSavedGlossary(shifted.subarray(1), 1234)
    expect(saved?.automaton.edges).toEqual(built0.automaton.parts().edges)
    expect(restoreGlossary(saved!, () => compiled).records.form(7)).toEqual(compiled.forms[7])
  })

  it('refuses a file built from another glossary, or not a saved glossary at all', () => {
    expect(decodeSavedGlossary(file, 1235)).toBeUndefined()
    expect(decodeSavedGlossary(Buffer.from('{"magic":"something else"}\n'), 1234)).toBeUndefined()
    expect(decodeSavedGlossary(Buffer.from('not json at all'), 1234)).toBeUndefined()
    expect(decodeSavedGlossary(file.subarray(0, file.length - 100), 1234)).toBeUndefined()
  })
})

describe('reading the build output', () => {
  const setup = (json: string, saved?: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), 'unspin-built-'))
    mkdirSync(join(dir, 'dictionaries'))
    writeFileSync(join(dir, 'dictionaries', 'a.yml'), 'topic: a\nentries: []\n')
    const built = join(dir, 'glossary.json')
    writeFileSync(built, json)
    if (saved) writeFileSync(join(dir, 'glossary.automaton.bin'), saved)
    const later = new Date(Date.now() + 60_000)
    utimesSync(built, later, later)
    return {built, source: join(dir, 'dictionaries')}
  }

  it('uses the saved file that belongs to the JSON', () => {
    const json = JSON.stringify(compiled)
    const {built, source} = setup(json, encodeSavedGlossary(compiled, built0.automaton.parts(), Buffer.byteLength(json)))
    const saved = readSavedGlossary(built, source)
    expect(saved?.records.formOffsets.length).toBe(compiled.forms.length + 1)
    expect(readBuiltGlossary(built, source)?.forms.length).toBe(compiled.forms.length)
  })

  it('ignores a saved file for another glossary, a missing one, and one older than the source', () => {
    const json = JSON.stringify(compiled)
    const other = setup(json, file) // saved for a glossary of 1234 bytes
    expect(readSavedGlossary(other.built, other.source)).toBeUndefined()
    const none = setup(json)
    expect(readSavedGlossary(none.built, none.source)).toBeUndefined()
    expect(readBuiltGlossary(none.built, none.source)?.rules.length).toBe(compiled.rules.length)
    const stale = setup(json, encodeSavedGlossary(compiled, built0.automaton.parts(), Buffer.byteLength(json)))
    const earlier = new Date(Date.now() - 3_600_000)
    utimesSync(stale.built, earlier, earlier)
    expect(readSavedGlossary(stale.built, stale.source)).toBeUndefined()
  })

  it('warns and falls back to the source when the JSON is corrupt or stale', () => {
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
