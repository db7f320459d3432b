// JSON Lines: splitting a byte stream into lines in constant memory (invalid UTF-8 and overlong
// lines become raw pass-through items), JSON pointers, and editing one record in place — only the
// text field's string literal (and the "unspin" annotation) change; every other byte of the line stays.

import {SkipError} from './inputs.js'

export type LineItem =
  /** a decoded line without its terminator */
  | {kind: 'line'; lineNo: number; text: string; eol: string}
  /** bytes to pass through untouched (terminator included), with the reason */
  | {kind: 'raw'; lineNo: number; bytes: Buffer; warning: string | undefined}

export const maxLineBytes = 64 * 1024 * 1024

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

function item(bytes: Buffer, lineNo: number, eol: string, name: string): LineItem {
  try {
    let text = decoder.decode(bytes)
    if (eol && text.endsWith('\r')) {
      text = text.slice(0, -1)
      eol = '\r\n'
    }
    return {kind: 'line', lineNo, text, eol}
  } catch {
    return {kind: 'raw', lineNo, bytes: eol ? Buffer.concat([bytes, Buffer.from(eol)]) : bytes, warning: `${name}:${lineNo}: not valid UTF-8; passed through unchanged`}
  }
}

/** Lines of a stream, in order. Throws SkipError if the stream starts with binary data. */
export async function* readLines(stream: AsyncIterable<Buffer>, name: string): AsyncGenerator<LineItem> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let lineNo = 1
  let first = true
  let overlong = false
  for await (const chunk of stream) {
    if (first && chunk.subarray(0, 8192).includes(0)) throw new SkipError(name, 'looks binary (contains NUL bytes)')
    first = false
    let start = 0
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl)
      start = nl + 1
      if (overlong) {
        yield {kind: 'raw', lineNo, bytes: Buffer.from(chunk.subarray(nl - piece.length, nl + 1)), warning: undefined}
        overlong = false
      } else {
        yield item(pending.length > 0 ? Buffer.concat([...pending, piece]) : Buffer.from(piece), lineNo, '\n', name)
      }
      pending = []
      pendingBytes = 0
      lineNo++
    }
    if (start < chunk.length) {
      const rest = Buffer.from(chunk.subarray(start))
      if (overlong) {
        yield {kind: 'raw', lineNo, bytes: rest, warning: undefined}
      } else {
        pending.push(rest)
        pendingBytes += rest.length
        if (pendingBytes > maxLineBytes) {
          yield {
            kind: 'raw',
            lineNo,
            bytes: Buffer.concat(pending),
            warning: `${name}:${lineNo}: line longer than ${maxLineBytes / 1048576} MiB; passed through unchanged`
          }
          pending = []
          pendingBytes = 0
          overlong = true
        }
      }
    }
  }
  if (pending.length > 0) yield item(Buffer.concat(pending), lineNo, '', name)
}

/** A --field value as a JSON pointer: "text" → ["text"], "/article/body" → ["article", "body"]. */
export function parsePointer(field: string): string[] {
  if (!field.startsWith('/')) return [field]
  return field
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r'

function skipSpace(s: string, i: number): number {
  while (isSpace(s[i])) i++
  return i
}

function skipString(s: string, i: number): number {
  for (i++; s[i] !== '"'; i++) if (s[i] === '\\') i++
  return i + 1
}

function skipValue(s: string, i: number): number {
  const c = s[i]
  if (c === '"') return skipString(s, i)
  if (c === '{' || c === '[') {
    let depth = 0
    for (;;) {
      const ch = s[i]
      if (ch === '"') {
        i = skipString(s, i)
        continue
      }
      if (ch === '{' || ch === '[') depth++
      else if ((ch === '}' || ch === ']') && --depth === 0) return i + 1
      i++
    }
  }
  while (i < s.length && !isSpace(s[i]) && s[i] !== ',' && s[i] !== '}' && s[i] !== ']') i++
  return i
}

/** Where the value at `path` sits in valid JSON text `s` (the last one, as JSON.parse would pick). */
export function locate(s: string, path: readonly string[], at = skipSpace(s, 0)): [number, number] | undefined {
  if (path.length === 0) return [at, skipValue(s, at)]
  const [key, ...rest] = path
  const open = s[at]
  if (open !== '{' && open !== '[') return undefined
  let found: [number, number] | undefined
  let i = skipSpace(s, at + 1)
  for (let index = 0; s[i] !== '}' && s[i] !== ']'; index++) {
    let name = String(index)
    if (open === '{') {
      const keyEnd = skipString(s, i)
      name = JSON.parse(s.slice(i, keyEnd)) as string
      i = skipSpace(s, skipSpace(s, keyEnd) + 1)
    }
    const end = skipValue(s, i)
    if (name === key) found = locate(s, rest, i)
    i = skipSpace(s, end)
    if (s[i] === ',') i = skipSpace(s, i + 1)
  }
  return found
}

/** Replace the string at `pointer` in JSON line `line` with `replacement`, leaving every other byte as it is. */
export function replaceAt(line: string, pointer: readonly string[], replacement: string): string {
  const span = locate(line, pointer)
  if (!span) return line
  return line.slice(0, span[0]) + JSON.stringify(replacement) + line.slice(span[1])
}

/** Set the top-level "unspin" member of an object line to `value` (adding it before the closing brace). */
export function annotateLine(line: string, value: unknown, hasMembers: boolean): string {
  const json = JSON.stringify(value)
  const span = locate(line, ['unspin'])
  if (span) return line.slice(0, span[0]) + json + line.slice(span[1])
  const close = line.lastIndexOf('}')
  return `${line.slice(0, close)}${hasMembers ? ',' : ''}"unspin":${json}${line.slice(close)}`
}

/** The string at `pointer` in a parsed record, if there is one. */
export function fieldOf(record: unknown, pointer: readonly string[]): string | undefined {
  let value = record
  for (const key of pointer) {
    if (value === null || typeof value !== 'object') return undefined
    value = Array.isArray(value) ? (/^(0|[1-9]\d*)$/.test(key) ? value[Number(key)] : undefined) : Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  }
  return typeof value === 'string' ? value : undefined
}
