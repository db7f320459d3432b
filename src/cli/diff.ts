// Unified diffs, streamed: lines go in one at a time (unchanged, or a changed region) and hunks with
// three lines of context come out as soon as they are complete, so JSON Lines diffs need no whole
// file in memory. documentDiff builds the diff of a whole document from its applied changes.

import {lineIndex} from './line-starts.js'

const context = 3

/** Lines carry their terminator ("…\n", "…\r\n"); only the last line of a file may lack one. */
export class UnifiedDiff {
  private before: string[] = []
  private hunk: string[] | undefined
  private trailing: string[] = []
  private oldStart = 0
  private newStart = 0
  private oldCount = 0
  private newCount = 0
  private oldLine = 1
  private newLine = 1
  private started = false

  constructor(
    private readonly oldName: string,
    private readonly newName: string,
    private readonly emit: (text: string) => void
  ) {}

  same(line: string): void {
    if (this.hunk) {
      this.trailing.push(line)
      if (this.trailing.length > 2 * context) this.close()
    } else {
      this.before.push(line)
      if (this.before.length > context) this.before.shift()
    }
    this.oldLine++
    this.newLine++
  }

  change(oldLines: readonly string[], newLines: readonly string[]): void {
    if (!this.hunk) {
      this.hunk = []
      this.oldStart = this.oldLine - this.before.length
      this.newStart = this.newLine - this.before.length
      this.oldCount = this.newCount = 0
      this.context(this.before)
      this.before = []
    } else {
      this.context(this.trailing)
      this.trailing = []
    }
    for (const line of oldLines) this.hunk.push(format('-', line))
    for (const line of newLines) this.hunk.push(format('+', line))
    this.oldCount += oldLines.length
    this.newCount += newLines.length
    this.oldLine += oldLines.length
    this.newLine += newLines.length
  }

  /** Flush the last hunk. */
  end(): void {
    if (this.hunk) this.close()
  }

  private context(lines: readonly string[]): void {
    for (const line of lines) this.hunk!.push(format(' ', line))
    this.oldCount += lines.length
    this.newCount += lines.length
  }

  private close(): void {
    const rest = this.trailing.slice(context)
    this.context(this.trailing.slice(0, context))
    if (!this.started) {
      this.emit(`--- ${this.oldName}\n+++ ${this.newName}\n`)
      this.started = true
    }
    const range = (start: number, count: number) => `${count === 0 ? start - 1 : start},${count}`
    this.emit(`@@ -${range(this.oldStart, this.oldCount)} +${range(this.newStart, this.newCount)} @@\n${this.hunk!.join('')}`)
    this.hunk = undefined
    this.trailing = []
    this.before = rest.slice(-context)
  }
}

function format(prefix: string, line: string): string {
  return line.endsWith('\n') ? prefix + line : `${prefix}${line}\n\\ No newline at end of file\n`
}

/** Split text into lines that keep their terminators. */
export function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g)
  return lines ?? []
}

type Edit = readonly [start: number, end: number, text: string]

function applyEdits(source: string, edits: readonly Edit[]): string {
  let out = ''
  let at = 0
  for (const [start, end, text] of edits) {
    out += source.slice(at, start) + text
    at = end
  }
  return out + source.slice(at)
}

/** One hunk from the first differing line to the last: exact for any pair of texts. */
function wholeDiff(name: string, source: string, output: string): string {
  const before = splitLines(source)
  const after = splitLines(output)
  let head = 0
  while (head < before.length && head < after.length && before[head] === after[head]) head++
  let tail = 0
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++
  let out = ''
  const diff = new UnifiedDiff(`a/${name}`, `b/${name}`, (text) => (out += text))
  before.slice(0, head).forEach((line) => diff.same(line))
  diff.change(before.slice(head, before.length - tail), after.slice(head, after.length - tail))
  before.slice(before.length - tail).forEach((line) => diff.same(line))
  diff.end()
  return out
}

/**
 * The unified diff from `source` to `output`; `edits` (sorted, non-overlapping) say where they differ,
 * so each changed region gets its own hunk. When the edits do not reproduce `output` exactly (a format
 * escaped a replacement for its markup), one hunk spans the difference instead. "" when nothing changed.
 */
export function documentDiff(name: string, source: string, output: string, edits: readonly Edit[]): string {
  if (source === output) return ''
  if (applyEdits(source, edits) !== output) return wholeDiff(name, source, output)
  const lines = splitLines(source)
  const starts: number[] = []
  let offset = 0
  for (const line of lines) {
    starts.push(offset)
    offset += line.length
  }
  const lineOf = (at: number) => lineIndex(starts, at)
  let out = ''
  const diff = new UnifiedDiff(`a/${name}`, `b/${name}`, (text) => (out += text))
  let next = 0
  let i = 0
  while (i < edits.length) {
    const first = lineOf(edits[i]![0])
    let last = lineOf(Math.max(edits[i]![0], edits[i]![1] - 1))
    let j = i + 1
    while (j < edits.length && lineOf(edits[j]![0]) <= last) {
      last = Math.max(last, lineOf(Math.max(edits[j]![0], edits[j]![1] - 1)))
      j++
    }
    for (; next < first; next++) diff.same(lines[next]!)
    const regionStart = starts[first]!
    const old = lines.slice(first, last + 1)
    let text = old.join('')
    for (let k = j - 1; k >= i; k--) {
      const [start, end, replacement] = edits[k]!
      text = text.slice(0, start - regionStart) + replacement + text.slice(end - regionStart)
    }
    diff.change(old, splitLines(text))
    next = last + 1
    i = j
  }
  for (; next < lines.length; next++) diff.same(lines[next]!)
  diff.end()
  return out
}
