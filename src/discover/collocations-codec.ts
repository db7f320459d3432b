// The shipped file format of the collocation statistics (data/collocations/en.bin.gz): gzip of a
// little binary stream — a JSON header (provenance, sizes), the vocabulary, then unsigned LEB128
// varints: word counts, delta-coded sorted bigram and trigram keys with their counts, neighbour lists.

import {gunzipSync, gzipSync} from 'node:zlib'
import type {CollocationData} from './collocations.js'

class Writer {
  private bytes: number[] = []
  private chunks: Buffer[] = []

  varint(value: number): void {
    let v = value
    while (v >= 128) {
      this.bytes.push((v % 128) | 128)
      v = Math.floor(v / 128)
    }
    this.bytes.push(v)
    if (this.bytes.length > 1 << 16) this.flush()
  }

  raw(buffer: Buffer): void {
    this.varint(buffer.length)
    this.flush()
    this.chunks.push(buffer)
  }

  private flush(): void {
    this.chunks.push(Buffer.from(this.bytes))
    this.bytes = []
  }

  done(): Buffer {
    this.flush()
    return Buffer.concat(this.chunks)
  }
}

class Reader {
  private at = 0
  constructor(private readonly buffer: Buffer) {}

  varint(): number {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = this.buffer[this.at++]
      if (byte === undefined) throw new Error('collocations: truncated data')
      value += (byte & 127) * scale
      if (byte < 128) return value
      scale *= 128
    }
  }

  raw(): Buffer {
    const length = this.varint()
    const out = this.buffer.subarray(this.at, this.at + length)
    this.at += length
    return out
  }
}

const magic = 'unspin-collocations/1'

/** Sorted keys as deltas, then counts. */
function writeTable(w: Writer, keys: Float64Array, counts: Uint32Array): void {
  w.varint(keys.length)
  let previous = 0
  for (let i = 0; i < keys.length; i++) {
    w.varint(keys[i]! - previous)
    previous = keys[i]!
  }
  for (const c of counts) w.varint(c)
}

function readTable(r: Reader): [Float64Array, Uint32Array] {
  const n = r.varint()
  const keys = new Float64Array(n)
  let previous = 0
  for (let i = 0; i < n; i++) keys[i] = previous += r.varint()
  const counts = new Uint32Array(n)
  for (let i = 0; i < n; i++) counts[i] = r.varint()
  return [keys, counts]
}

export function encodeCollocations(data: CollocationData): Buffer {
  const w = new Writer()
  w.raw(Buffer.from(JSON.stringify({magic, provenance: data.provenance, tokens: data.tokens})))
  w.raw(Buffer.from(data.words.join('\n')))
  for (const c of data.unigrams) w.varint(c)
  writeTable(w, data.bigramKeys, data.bigramCounts)
  writeTable(w, data.trigramKeys, data.trigramCounts)
  for (let i = 0; i < data.words.length; i++) {
    const from = data.neighbourStart[i]!
    const to = data.neighbourStart[i + 1]!
    w.varint(to - from)
    for (let k = from; k < to; k++) w.varint(data.neighbourIds[k]!)
  }
  return gzipSync(w.done(), {level: 9})
}

export function decodeCollocations(file: Buffer): CollocationData {
  const r = new Reader(gunzipSync(file))
  const header = JSON.parse(r.raw().toString('utf8')) as {magic: string; provenance: string; tokens: number}
  if (header.magic !== magic) throw new Error(`collocations: not a ${magic} file`)
  const words = r.raw().toString('utf8').split('\n')
  const unigrams = new Uint32Array(words.length)
  for (let i = 0; i < words.length; i++) unigrams[i] = r.varint()
  const [bigramKeys, bigramCounts] = readTable(r)
  const [trigramKeys, trigramCounts] = readTable(r)
  const neighbourStart = new Uint32Array(words.length + 1)
  const ids: number[] = []
  for (let i = 0; i < words.length; i++) {
    const n = r.varint()
    for (let k = 0; k < n; k++) ids.push(r.varint())
    neighbourStart[i + 1] = ids.length
  }
  return {
    provenance: header.provenance,
    words,
    unigrams,
    tokens: header.tokens,
    bigramKeys,
    bigramCounts,
    trigramKeys,
    trigramCounts,
    neighbourStart,
    neighbourIds: Uint32Array.from(ids)
  }
}
