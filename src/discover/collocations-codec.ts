// The shipped file format of the collocation statistics (data/collocations/en.bin): a magic line, a
// JSON header (provenance, sizes, the section table), then sections, each compressed on its own (raw
// deflate) so that a reader inflates only what it needs — the spin score reads the vocabulary, the word
// counts and which bigrams exist; discovery also the counts, trigrams and thesaurus. Section contents are
// unsigned LEB128 varints: word counts; bigrams as one row per first word (successor count, then
// delta-coded successors); their counts; delta-coded sorted trigram keys; their counts; neighbour lists.

import {zlib} from '../lazy-builtins.js'
import type {CollocationData} from './collocations.js'
import {PairIndex} from './pair-index.js'

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
  constructor(private readonly buffer: Uint8Array) {}

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
}

const magic = 'unspin-collocations/2'
const sectionNames = ['words', 'unigrams', 'bigrams', 'bigramCounts', 'trigrams', 'trigramCounts', 'neighbours'] as const
type SectionName = (typeof sectionNames)[number]

interface Header {
  magic: string
  provenance: string
  tokens: number
  words: number
  bigrams: number
  /** compressed size of each section, in file order */
  sections: Array<[SectionName, number]>
}

const varints = (write: (w: Writer) => void) => {
  const w = new Writer()
  write(w)
  return w.done()
}

export function encodeCollocations(data: CollocationData): Buffer {
  const v = data.words.length
  const bodies: Record<SectionName, Buffer> = {
    words: Buffer.from(data.words.join('\n')),
    unigrams: varints((w) => data.unigrams.forEach((c) => w.varint(c))),
    bigrams: varints((w) => {
      for (let i = 0, a = 0; a < v; a++) {
        let end = i
        while (end < data.bigramKeys.length && Math.floor(data.bigramKeys[end]! / v) === a) end++
        w.varint(end - i)
        for (let previous = 0; i < end; i++) {
          const b = data.bigramKeys[i]! - a * v
          w.varint(b - previous)
          previous = b
        }
      }
    }),
    bigramCounts: varints((w) => data.bigramCounts.forEach((c) => w.varint(c))),
    trigrams: varints((w) => {
      w.varint(data.trigramKeys.length)
      let previous = 0
      for (const key of data.trigramKeys) {
        w.varint(key - previous)
        previous = key
      }
    }),
    trigramCounts: varints((w) => data.trigramCounts.forEach((c) => w.varint(c))),
    neighbours: varints((w) => {
      for (let i = 0; i < v; i++) {
        const from = data.neighbourStart[i]!
        const to = data.neighbourStart[i + 1]!
        w.varint(to - from)
        for (let k = from; k < to; k++) w.varint(data.neighbourIds[k]!)
      }
    })
  }
  const compressed = sectionNames.map((name) => [name, zlib().deflateRawSync(bodies[name], {level: 9})] as const)
  const header: Header = {magic, provenance: data.provenance, tokens: data.tokens, words: v, bigrams: data.bigramKeys.length, sections: compressed.map(([name, body]) => [name, body.length])}
  const headerBytes = Buffer.from(JSON.stringify(header))
  return Buffer.concat([Buffer.from(magic + '\n'), varints((w) => w.varint(headerBytes.length)), headerBytes, ...compressed.map(([, body]) => body)])
}

/** A collocation file whose sections are inflated on demand. */
export class CollocationFile {
  readonly header: Header
  private readonly offsets = new Map<SectionName, [number, number]>()
  private readonly file: Buffer

  constructor(file: Buffer) {
    this.file = file
    const line = file.indexOf(10)
    if (line < 0 || file.subarray(0, line).toString('latin1') !== magic) throw new Error(`collocations: not a ${magic} file`)
    let at = line + 1
    let length = 0
    for (let scale = 1; ; scale *= 128) {
      const byte = file[at++]!
      length += (byte & 127) * scale
      if (byte < 128) break
    }
    this.header = JSON.parse(file.subarray(at, at + length).toString('utf8')) as Header
    at += length
    for (const [name, size] of this.header.sections) {
      this.offsets.set(name, [at, at + size])
      at += size
    }
  }

  private inflate(name: SectionName): Buffer {
    const range = this.offsets.get(name)
    if (!range) throw new Error(`collocations: no ${name} section`)
    return zlib().inflateRawSync(this.file.subarray(range[0], range[1]))
  }

  private reader(name: SectionName): Reader {
    return new Reader(this.inflate(name))
  }

  /** The vocabulary, one word a line, most frequent first. */
  vocabulary(): string {
    return this.inflate('words').toString('utf8')
  }

  unigrams(): Uint32Array {
    const r = this.reader('unigrams')
    const out = new Uint32Array(this.header.words)
    for (let i = 0; i < out.length; i++) out[i] = r.varint()
    return out
  }

  /** Every bigram (a, b) in key order, as first and second word ids; `through`: first words below it only. */
  bigrams(through = this.header.words): [Uint32Array, Uint32Array] {
    const r = this.reader('bigrams')
    const first = new Uint32Array(this.header.bigrams)
    const second = new Uint32Array(this.header.bigrams)
    let n = 0
    for (let a = 0; a < through; a++)
      for (let k = r.varint(), b = 0; k > 0; k--, n++) {
        first[n] = a
        second[n] = b += r.varint()
      }
    return [first.subarray(0, n), second.subarray(0, n)]
  }

  private counts(name: SectionName, n: number): Uint32Array {
    const r = this.reader(name)
    const out = new Uint32Array(n)
    for (let i = 0; i < n; i++) out[i] = r.varint()
    return out
  }

  /** Everything, decoded into the run-time store's arrays. */
  data(): CollocationData {
    const words = this.vocabulary().split('\n')
    const v = words.length
    const [first, second] = this.bigrams()
    const bigramKeys = Float64Array.from(first, (a, k) => a * v + second[k]!)
    const t = this.reader('trigrams')
    const trigramKeys = new Float64Array(t.varint())
    for (let i = 0, previous = 0; i < trigramKeys.length; i++) trigramKeys[i] = previous += t.varint()
    const r = this.reader('neighbours')
    const neighbourStart = new Uint32Array(v + 1)
    const ids: number[] = []
    for (let i = 0; i < v; i++) {
      for (let k = r.varint(); k > 0; k--) ids.push(r.varint())
      neighbourStart[i + 1] = ids.length
    }
    return {
      provenance: this.header.provenance,
      words,
      unigrams: this.unigrams(),
      tokens: this.header.tokens,
      bigramKeys,
      bigramCounts: this.counts('bigramCounts', bigramKeys.length),
      trigramKeys,
      trigramCounts: this.counts('trigramCounts', trigramKeys.length),
      neighbourStart,
      neighbourIds: Uint32Array.from(ids)
    }
  }

  /** The spin score's index: words seen at least `minWordCount` times and the bigrams among them. */
  pairIndex(minWordCount: number): PairIndex {
    const unigrams = this.unigrams()
    let size = 0
    while (size < unigrams.length && unigrams[size]! >= minWordCount) size++
    const [first, second] = this.bigrams(size)
    return new PairIndex(this.vocabulary(), size, first, second)
  }
}

export function decodeCollocations(file: Buffer): CollocationData {
  return new CollocationFile(file).data()
}
