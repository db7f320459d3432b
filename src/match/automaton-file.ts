// The phrase automaton precompiled by the build (dist/glossary.automaton.bin), so that loading the
// bundled glossary maps typed arrays instead of building a trie. Format: one line of JSON (magic, the
// byte length of the glossary.json it was built with, form count, vocabulary, sections), then each
// section's bytes at an 8-byte aligned offset.

import type {AutomatonParts} from './automaton.js'

const magic = 'unspin-automaton/3'

type Section = [name: string, type: 'u8' | 'u16' | 'i32' | 'f64', length: number]

interface Header {
  magic: string
  /** byte length of the compiled glossary (JSON) the automaton belongs to */
  glossaryBytes: number
  forms: number
  vocabulary: string[]
  sections: Section[]
}

const arrays = {u8: Uint8Array, u16: Uint16Array, i32: Int32Array, f64: Float64Array}

const typeOf = (a: ArrayBufferView): Section[1] =>
  a instanceof Uint8Array ? 'u8' : a instanceof Uint16Array ? 'u16' : a instanceof Int32Array ? 'i32' : 'f64'

const align = (n: number) => Math.ceil(n / 8) * 8

/** Save an automaton's parts, tagged with the glossary it was built from. */
export function encodeAutomaton(parts: AutomatonParts, glossaryBytes: number, forms: number): Buffer {
  const named: Array<[string, Uint8Array | Uint16Array | Int32Array | Float64Array]> = [
    ['transitions', parts.words.transitions],
    ['accepting', parts.words.accepting],
    ['formStart', parts.formStart],
    ['formIds', parts.formIds],
    ['hasNext', parts.hasNext],
    ['rootChild', parts.rootChild],
    ['edges', parts.edges]
  ]
  const header: Header = {magic, glossaryBytes, forms, vocabulary: parts.words.vocabulary, sections: named.map(([name, a]) => [name, typeOf(a), a.length])}
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
 * Read saved parts, or undefined when the file is not an automaton of this format or was built from
 * another glossary (`glossaryBytes`, `forms` differ): the caller then builds the automaton itself.
 */
export function decodeAutomaton(file: Buffer, glossaryBytes: number, forms: number): AutomatonParts | undefined {
  const newline = file.indexOf(10)
  if (newline < 0) return undefined
  let header: Header
  try {
    header = JSON.parse(file.subarray(0, newline).toString('utf8')) as Header
  } catch {
    return undefined
  }
  if (header.magic !== magic || header.glossaryBytes !== glossaryBytes || header.forms !== forms) return undefined
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
  return {
    words: {vocabulary: header.vocabulary, transitions: get<Uint16Array | Int32Array>('transitions'), accepting: get<Int32Array>('accepting')},
    formStart: get<Int32Array>('formStart'),
    formIds: get<Int32Array>('formIds'),
    hasNext: get<Uint8Array>('hasNext'),
    rootChild: get<Int32Array>('rootChild'),
    edges: get<Int32Array>('edges')
  }
}
