// Aligning a leaf's parsed value with the source it was parsed from. A text node's value is not a
// plain slice of the source: character references (`&amp;`, `&#8217;`), backslash escapes and line
// prefixes (block quote markers, list indentation, CR before LF) sit between its characters. Only
// characters equal on both sides are mapped; decoded references are left unmapped (-1), so a
// restoration can be applied in place only where the source holds exactly the text that was read.

import {decodeNamedCharacterReference} from 'decode-named-character-reference'

/** value[offset, offset + length) was read from source[source, source + length), or unmapped (-1). */
export interface Run {
  offset: number
  length: number
  source: number
}

const reference = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/y

/** `#8217` or `#x2019` as the character it stands for (out-of-range numbers as U+FFFD, like parsers do). */
function decodeNumeric(name: string): string {
  const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
  return valid ? String.fromCodePoint(code) : '\uFFFD'
}

/** What a character reference at source[at] decodes to, with its length in the source. */
function referenceAt(source: string, at: number): {decoded: string; length: number} | undefined {
  reference.lastIndex = at
  const match = reference.exec(source)
  if (!match) return undefined
  const name = match[1]!
  const decoded = name.startsWith('#') ? decodeNumeric(name) : decodeNamedCharacterReference(name)
  return decoded === false ? undefined : {decoded, length: match[0].length}
}

/** Source characters a parser drops between value characters: line prefixes and CR. */
const skippable = (code: number) => code === 32 || code === 9 || code === 13 || code === 62 /* > */

/**
 * Map `value` onto source[start, end). Without the source, the value is taken as a plain slice when
 * the lengths agree, and left unmapped otherwise.
 */
export function alignLeaf(value: string, source: string | undefined, start: number, end: number): Run[] {
  if (source === undefined) return [{offset: 0, length: value.length, source: end - start === value.length ? start : -1}]
  const runs: Run[] = []
  const push = (offset: number, length: number, at: number) => {
    const last = runs[runs.length - 1]
    if (last && last.source >= 0 && at >= 0 && last.offset + last.length === offset && last.source + last.length === at) {
      last.length += length
    } else if (last && last.source < 0 && at < 0) {
      last.length += length
    } else {
      runs.push({offset, length, source: at})
    }
  }
  let i = 0
  let j = start
  while (i < value.length) {
    if (j >= end) {
      push(i, value.length - i, -1)
      break
    }
    const code = source.charCodeAt(j)
    if (code === 38 /* & */) {
      const ref = referenceAt(source, j)
      if (ref && value.startsWith(ref.decoded, i)) {
        push(i, ref.decoded.length, -1)
        i += ref.decoded.length
        j += ref.length
        continue
      }
    }
    if (code === value.charCodeAt(i)) {
      push(i, 1, j)
      i++
      j++
    } else if (code === 92 /* \ */ && source.charCodeAt(j + 1) === value.charCodeAt(i)) {
      j++
    } else if (skippable(code)) {
      j++
    } else {
      push(i, value.length - i, -1)
      break
    }
  }
  return runs
}
