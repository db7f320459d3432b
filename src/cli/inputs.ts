// Inputs: expands paths, folders and globs into an ordered list of files with their formats, finds
// the common base folder (for --out), and reads whole documents safely (size limit, binary and
// UTF-8 checks) so that bad input is skipped with a message naming the file.

import {readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, extname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {createRequire} from 'node:module'
import type * as Tinyglobby from 'tinyglobby'
import type {Format} from './args.js'

/** tinyglobby, required on the first glob argument (plain paths never load it). */
let glob: typeof Tinyglobby | undefined
const globber = () => (glob ??= createRequire(import.meta.url)('tinyglobby') as typeof Tinyglobby)

export interface Input {
  /** absolute path, or "-" for standard input */
  path: string
  /** how messages name it */
  name: string
  format: Format
}

/** What was read of standard input before it had to be skipped, and the rest of it. */
export interface Unread {
  held: Buffer[]
  rest: AsyncIterator<Buffer> | undefined
}

/** Skipped input: the message names the file and the reason. */
export class SkipError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    hint = '',
    /** standard input only: its bytes, so that a filter can pass them through instead */
    readonly unread?: Unread
  ) {
    super(`${file}: ${reason}; skipped${hint}`)
  }

  /** The message when the input is passed through unchanged instead of skipped. */
  get passedThrough(): string {
    return `${this.file}: ${this.reason}; passed through unchanged`
  }
}

export const maxDocumentBytes = 64 * 1024 * 1024

const byExtension: Record<string, Format> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl'
}

export function formatOf(path: string, forced: Format | undefined): Format {
  return forced ?? byExtension[extname(path).toLowerCase()] ?? 'txt'
}

export function displayName(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}

const isGlob = (arg: string) => /[*?[\]{}]/.test(arg)

function walk(dir: string, skip: string | undefined, into: string[]): void {
  const entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (path !== skip) walk(path, skip, into)
    } else if (entry.isFile() && byExtension[extname(entry.name).toLowerCase()]) {
      into.push(path)
    }
  }
}

export interface Expansion {
  inputs: Input[]
  /** arguments that named nothing */
  missing: string[]
  /** the deepest folder containing every input (for --out) */
  base: string
}

/** Expand command-line arguments into files, in argument order, without duplicates. */
export function expandInputs(args: readonly string[], forced: Format | undefined, outDir: string | undefined, cwd = process.cwd()): Expansion {
  if (args.length === 0) args = ['-']
  const inputs: Input[] = []
  const missing: string[] = []
  const seen = new Set<string>()
  const roots: string[] = []
  const skip = outDir === undefined ? undefined : resolve(cwd, outDir)
  const add = (path: string) => {
    if (seen.has(path)) return
    seen.add(path)
    inputs.push({path, name: path === '-' ? '<stdin>' : displayName(path, cwd), format: path === '-' ? (forced ?? 'txt') : formatOf(path, forced)})
  }
  for (const arg of args) {
    if (arg === '-') {
      add('-')
      continue
    }
    const path = resolve(cwd, arg)
    let kind: 'file' | 'dir' | undefined
    try {
      const s = statSync(path)
      kind = s.isDirectory() ? 'dir' : 'file'
    } catch {
      kind = undefined
    }
    if (kind === 'dir') {
      const files: string[] = []
      walk(path, skip, files)
      roots.push(path)
      files.forEach(add)
    } else if (kind === 'file') {
      roots.push(dirname(path))
      add(path)
    } else if (isGlob(arg)) {
      const matches = globber().globSync(arg, {cwd, absolute: true, onlyFiles: true}).map((m) => resolve(m)).sort()
      const kept = matches.filter((m) => skip === undefined || !m.startsWith(skip + sep))
      if (kept.length === 0) missing.push(arg)
      for (const m of kept) {
        roots.push(dirname(m))
        add(m)
      }
    } else {
      missing.push(arg)
    }
  }
  return {inputs, missing, base: commonFolder(roots.length > 0 ? roots : [cwd])}
}

function commonFolder(folders: string[]): string {
  let parts = folders[0]!.split(sep)
  for (const folder of folders.slice(1)) {
    const other = folder.split(sep)
    let i = 0
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++
    parts = parts.slice(0, i)
  }
  return parts.join(sep) || sep
}

/** Decode bytes as UTF-8 (keeping a byte-order mark), refusing binary data and invalid UTF-8. */
export function decode(bytes: Uint8Array, name: string, unread?: Unread): string {
  if (bytes.includes(0)) throw new SkipError(name, 'looks binary (contains NUL bytes)', '', unread)
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes)
  } catch {
    throw new SkipError(name, 'not valid UTF-8', '', unread)
  }
}

const tooLarge = (name: string, bytes: number, unread?: Unread) =>
  new SkipError(
    name,
    `too large for a whole-document format (${unread ? 'over' : `${(bytes / 1048576).toFixed(0)} MiB >`} ${maxDocumentBytes / 1048576} MiB)`,
    ' — split it, or use JSON Lines, which streams',
    unread
  )

/** Read a whole document from a file or standard input. Throws SkipError with a clear reason. */
export async function readDocument(input: Input): Promise<{text: string; bytes: number}> {
  if (input.path === '-') {
    // an explicit iterator: leaving the loop early must not close standard input (see Unread)
    const rest = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
    const held: Buffer[] = []
    let size = 0
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      held.push(next.value)
      size += next.value.length
      if (size > maxDocumentBytes) throw tooLarge(input.name, size, {held, rest})
    }
    const bytes = Buffer.concat(held)
    return {text: decode(bytes, input.name, {held: [bytes], rest: undefined}), bytes: bytes.length}
  }
  let bytes: Buffer
  try {
    // synchronous: one small file is a few cheap system calls, cheaper than thread-pool round trips
    const s = statSync(input.path)
    if (s.size > maxDocumentBytes) throw tooLarge(input.name, s.size)
    bytes = readFileSync(input.path)
  } catch (error) {
    if (error instanceof SkipError) throw error
    throw new SkipError(input.name, `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  return {text: decode(bytes, input.name), bytes: bytes.length}
}
