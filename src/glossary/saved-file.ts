// The build's saved glossary (dist/glossary.automaton.bin): the phrase automaton as typed arrays and
// every rule and form as a JSON record (records.ts), so that loading the bundled glossary maps arrays
// and parses nothing up front. Format: one line of JSON (magic, the byte length of the glossary.json it
// was built with, rule and form counts, vocabulary, word classes, sections), then each section's bytes
// at an 8-byte aligned offset.

import type {AutomatonParts} from '../match/automaton.js'
import type {CompiledGlossary} from './compiled.js'
import {encodeRecords, type EncodedRecords} from './records.js'

const magic = 'unspin-glossary/7'

type Section = [name: string, type: 'u8' | 'u16' | 'i32' | 'f64', length: number]

interface Header {
  magic: string
  /** byte length of the compiled glossary (JSON) the file belongs to */
  glossaryBytes: number
  rules: number
  forms: number
  vocabulary: string[]
  classes: Record<string, string[]>
  sections: Section[]
}

/** What the file holds: enough to match and report without the glossary JSON. */
export interface SavedGlossary {
  automaton: AutomatonParts
  records: EncodedRecords
  classes: Record<string, string[]>
}

const arrays = {u8: Uint8Array, u16: Uint16Array, i32: Int32Array, f64: Float64Array}

const typeOf = (a: ArrayBufferView): Section[1] =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int32Array ? 'i32' : 'f64'

const align = (n: number) => Math.ceil(n / 8) * 8

/** Save a compiled glossary's automaton and records, tagged with the byte length of its JSON file. */
export function encodeSavedGlossary(compiled: CompiledGlossary, parts: AutomatonParts, glossaryBytes: number): Buffer {
  const records = encodeRecords(compiled)
  const named: Array<[string, Uint8Array | Uint16Array | Int32Array | Float64Array]> = [
    ['words', parts.words.table],
    ['wordChecks', parts.words.check],
    ['formStart', parts.formStart],
    ['formIds', parts.formIds],
    ['hasNext', parts.hasNext],
    ['rootChild', parts.rootChild],
    ['edges', parts.edges],
    ['filter', parts.filter],
    ['records', records.bytes],
    ['ruleOffsets', records.ruleOffsets],
    ['formOffsets', records.formOffsets]
  ]
  const header: Header = {
    magic,
    glossaryBytes,
    rules: compiled.rules.length,
    forms: compiled.forms.length,
    vocabulary: parts.words.vocabulary,
    classes: compiled.classes,
    sections: named.map(([name, a]) => [name, typeOf(a), a.length])
  }
  const head = Buffer.from(JSON.stringify(header) + '\n')
  const chunks: Buffer[] = [head]
  let at = head.length
  for (const [, a] of named) {
    const pad = align(at) - at
    chunks.push(Buffer.alloc(pad), Buffer.from(a.buffer, a.byteOffset, a.byteLength))
    at += pad + a.byteLength
  }
  return Buffer.concat(chunks)
}

/**
 * Read a saved glossary, or undefined when the file is not one of this format, is truncated, or was
 * built from another glossary.json (`glossaryBytes` differs): the caller then uses the JSON.
 */
export function decodeSavedGlossary(file: Buffer, glossaryBytes: number): SavedGlossary | undefined {
  const newline = file.indexOf(10)
  if (newline < 0) return undefined
  let header: Header
  try {
    header = JSON.parse(file.subarray(0, newline).toString('utf8')) as Header
  } catch {
    return undefined
  }
  if (header.magic !== magic || header.glossaryBytes !== glossaryBytes) return undefined
  const out: Record<string, ArrayBufferView> = {}
  let at = newline + 1
  for (const [name, type, length] of header.sections) {
    at = align(at)
    const bytes = length * arrays[type].BYTES_PER_ELEMENT
    if (at + bytes > file.length) return undefined
    const offset = file.byteOffset + at
    // a view when the bytes are aligned for the type, else a copy
    out[name] =
      offset % arrays[type].BYTES_PER_ELEMENT === 0
        ? new arrays[type](file.buffer as ArrayBuffer, offset, length)
        : new arrays[type](new Uint8Array(file.subarray(at, at + bytes)).buffer)
    at += bytes
  }
  const get = <T>(name: string) => out[name] as T
  const records: EncodedRecords = {bytes: get('records'), ruleOffsets: get('ruleOffsets'), formOffsets: get('formOffsets')}
  if (records.ruleOffsets?.length !== header.rules + 1 || records.formOffsets?.length !== header.forms + 1) return undefined
  return {
    automaton: {
      words: {vocabulary: header.vocabulary, table: get<Int32Array>('words'), check: get<Int32Array>('wordChecks')},
      formStart: get<Int32Array>('formStart'),
      formIds: get<Int32Array>('formIds'),
      hasNext: get<Uint8Array>('hasNext'),
      rootChild: get<Int32Array>('rootChild'),
      edges: get<Int32Array>('edges'),
      filter: get<Int32Array>('filter')
    },
    records,
    classes: header.classes
  }
}
