// Word-level alignment of a spun text with its original: the longest common subsequence of the two
// token sequences (tokens from src/match/tokenize.ts, compared by their normalised form), reported as
// the differing stretches between common anchors. Texts with the same number of lines are aligned line
// by line (spinners keep paragraphs), which keeps the quadratic table small.

import {tokenize, type Token} from '../match/tokenize.js'

/** One differing stretch: spun tokens [spunFirst, spunEnd) stand where the original has [originalFirst, originalEnd). */
export interface Hunk {
  spunFirst: number
  spunEnd: number
  originalFirst: number
  originalEnd: number
}

export interface Alignment {
  spunTokens: Token[]
  originalTokens: Token[]
  hunks: Hunk[]
}

/** Largest table (cells) aligned in one piece. */
const maxCells = 40_000_000

/** LCS hunks of a[aFrom, aTo) against b[bFrom, bTo), appended to `out` (token indices are global). */
function lcsHunks(a: readonly Token[], aFrom: number, aTo: number, b: readonly Token[], bFrom: number, bTo: number, out: Hunk[]): void {
  const n = aTo - aFrom
  const m = bTo - bFrom
  if (n * m > maxCells) throw new Error(`texts too far apart to align in one piece (${n} × ${m} words); split them into smaller files`)
  const width = m + 1
  // suffix LCS lengths: table[i * width + j] = LCS(a[i..], b[j..])
  const table = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i * width + j] =
        a[aFrom + i]!.norm === b[bFrom + j]!.norm
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!)
  let i = 0
  let j = 0
  let open: Hunk | undefined
  const close = () => {
    if (open) out.push({...open, spunEnd: aFrom + i, originalEnd: bFrom + j})
    open = undefined
  }
  while (i < n || j < m) {
    if (i < n && j < m && a[aFrom + i]!.norm === b[bFrom + j]!.norm) {
      close()
      i++
      j++
      continue
    }
    open ??= {spunFirst: aFrom + i, spunEnd: 0, originalFirst: bFrom + j, originalEnd: 0}
    if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) i++
    else j++
  }
  close()
}

/** Index of the first token at or after each line start. */
function lineStarts(text: string, tokens: readonly Token[]): number[] {
  const starts: number[] = []
  let t = 0
  let offset = 0
  for (const line of text.split('\n')) {
    while (t < tokens.length && tokens[t]!.start < offset) t++
    starts.push(t)
    offset += line.length + 1
  }
  starts.push(tokens.length)
  return starts
}

/** Align `spun` with `original` at word level. */
export function alignTexts(spun: string, original: string): Alignment {
  const spunTokens = tokenize(spun)
  const originalTokens = tokenize(original)
  const hunks: Hunk[] = []
  const a = lineStarts(spun, spunTokens)
  const b = lineStarts(original, originalTokens)
  if (a.length === b.length) {
    for (let k = 0; k + 1 < a.length; k++) lcsHunks(spunTokens, a[k]!, a[k + 1]!, originalTokens, b[k]!, b[k + 1]!, hunks)
  } else {
    lcsHunks(spunTokens, 0, spunTokens.length, originalTokens, 0, originalTokens.length, hunks)
  }
  return {spunTokens, originalTokens, hunks}
}
