// The work a worker thread (or the main thread, with one job) does: restore one whole document, or a
// batch of JSON Lines records, and describe the changes (position, rule, context) and the diff.
// Everything here is plain data in, plain data out, so it crosses thread boundaries as is.

import type {Options} from '../analyze.js'
import {loadGlossary, type RejectedRows} from '../glossary/load.js'
import type {DocumentResult} from '../formats/document.js'
import {analyzeText} from '../formats/text.js'
import type {Change} from '../match/find.js'
import type {Format} from './args.js'
import {documentDiff} from './diff.js'
import {collectIfGrown} from './heap.js'
import {annotateLine, fieldOf, replaceAt} from './jsonl.js'
import {lineIndex} from './line-starts.js'

export interface TaskSettings {
  engine: Options
  /** JSON pointer of the text field of JSON Lines records */
  pointer: string[]
  annotate: boolean
  only: 'spun' | 'clean' | undefined
  threshold: number
  /** compute the spin score (for --annotate, --only and reports); it costs more than the restoration */
  score: boolean
  /** describe each change (for --explain and --report) */
  details: boolean
  /** produce unified diffs of documents */
  diff: boolean
}

export interface DocumentTask {
  format: Exclude<Format, 'jsonl'>
  source: string
  name: string
}

export type Task = {kind: 'documents'; documents: DocumentTask[]} | {kind: 'records'; lines: Array<{lineNo: number; text: string}>; name: string}

export interface ChangeInfo {
  line: number
  column: number
  actual: string
  expected: string
  ruleId: string
  file: string
  confidence: Change['confidence']
  note: string
  /** the words around the change, on one line, the change in «» */
  context: string
  /** reported but left alone (split across markup) */
  unfixable?: true
}

interface Judged {
  changes: number
  unfixable: number
  /** the spin score, or null when the settings did not ask for it */
  score: number | null
  spun: boolean | null
  details: ChangeInfo[] | undefined
}

export interface DocumentOutcome extends Judged {
  kind: 'document'
  output: string
  diff: string
}

export interface RecordOutcome extends Judged {
  /** the line to write, or null when --only drops the record */
  out: string | null
  hasText: boolean
  warning: string | undefined
}

/** One outcome per document of a batch, or why that document could not be restored. */
export type Outcome = {kind: 'documents'; outcomes: Array<DocumentOutcome | {error: string}>} | {kind: 'records'; records: RecordOutcome[]}

type Analyzer = (source: string, options?: Readonly<Options>) => DocumentResult

/** The markup formats load their parsers (remark, rehype) only when a document of theirs comes. */
const analyzers: Record<Exclude<Format, 'jsonl'>, () => Promise<Analyzer>> = {
  txt: async () => analyzeText,
  md: async () => (await import('../formats/markdown.js')).analyzeMarkdown,
  html: async () => (await import('../formats/html.js')).analyzeHtml
}

/** Load the glossary set once for this thread (throws GlossaryError(s) on a broken file). */
export function prepare(settings: TaskSettings): RejectedRows {
  return loadGlossary(settings.engine).rejected
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function position(starts: number[], at: number): [number, number] {
  const line = lineIndex(starts, at)
  return [line + 1, at - starts[line]! + 1]
}

function contextOf(text: string, c: Change): string {
  const from = Math.max(0, c.start - 40)
  const to = Math.min(text.length, c.end + 40)
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, c.start)).trimStart()}«${flat(c.actual)}»${flat(text.slice(c.end, to)).trimEnd()}${to < text.length ? '…' : ''}`
}

function describe(text: string, result: DocumentResult, at: (offset: number) => [number, number]): ChangeInfo[] {
  const info = (c: Change, unfixable: boolean): ChangeInfo => {
    const [line, column] = at(c.start)
    const {actual, expected, ruleId, file, confidence, note} = c
    return {line, column, actual, expected, ruleId, file, confidence, note, context: contextOf(text, c), ...(unfixable ? {unfixable: true as const} : {})}
  }
  return [...result.changes.map((c) => info(c, false)), ...result.unfixable.map((c) => info(c, true))].sort((a, b) => a.line - b.line || a.column - b.column)
}

function judge(text: string, result: DocumentResult, settings: TaskSettings, at: (offset: number) => [number, number]): Judged {
  const score = settings.score ? result.score : null
  return {
    changes: result.changes.length,
    unfixable: result.unfixable.length,
    score,
    spun: score === null ? null : score >= settings.threshold,
    details: settings.details ? describe(text, result, at) : undefined
  }
}

async function runDocument(task: DocumentTask, settings: TaskSettings): Promise<DocumentOutcome> {
  const result = (await analyzers[task.format]())(task.source, settings.engine)
  const starts = settings.details ? lineStarts(task.source) : []
  return {
    kind: 'document',
    output: result.output,
    diff: settings.diff ? documentDiff(task.name, task.source, result.output, result.changes.map((c) => [c.start, c.end, c.expected] as const)) : '',
    ...judge(task.source, result, settings, (offset) => position(starts, offset))
  }
}

const notJudged: Judged = {changes: 0, unfixable: 0, score: null, spun: null, details: undefined}
const untouched = (line: string): RecordOutcome => ({...notJudged, out: line, hasText: false, warning: undefined})

function runRecord(line: string, lineNo: number, name: string, settings: TaskSettings): RecordOutcome {
  if (line.trim() === '') return untouched(line)
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch (error) {
    return {...untouched(line), warning: `${name}:${lineNo}: malformed JSON (${(error as Error).message}); passed through unchanged`}
  }
  const text = fieldOf(record, settings.pointer)
  let out = line
  let judged = notJudged
  if (text !== undefined) {
    const result = analyzeText(text, settings.engine)
    judged = judge(text, result, settings, (offset) => [lineNo, offset + 1])
    if (result.output !== text) out = replaceAt(out, settings.pointer, result.output)
  }
  const isObject = record !== null && typeof record === 'object' && !Array.isArray(record)
  if (settings.annotate && isObject) {
    out = annotateLine(out, {score: Math.round((judged.score ?? 0) * 1e4) / 1e4, spun: judged.spun ?? false, changes: judged.changes}, Object.keys(record as object).length > 0)
  }
  if (settings.only && (judged.spun ?? false) !== (settings.only === 'spun')) return {...judged, out: null, hasText: text !== undefined, warning: undefined}
  return {...judged, out, hasText: text !== undefined, warning: undefined}
}

/** Run one task (then keep the heap from growing with the garbage of finished tasks). */
export async function runTask(task: Task, settings: TaskSettings): Promise<Outcome> {
  try {
    return await run(task, settings)
  } finally {
    collectIfGrown()
  }
}

async function run(task: Task, settings: TaskSettings): Promise<Outcome> {
  if (task.kind === 'documents') {
    const outcomes: Array<DocumentOutcome | {error: string}> = []
    for (const document of task.documents) {
      try {
        outcomes.push(await runDocument(document, settings))
      } catch (error) {
        outcomes.push({error: (error as Error).message})
      }
    }
    return {kind: 'documents', outcomes}
  }
  return {kind: 'records', records: task.lines.map(({text, lineNo}) => runRecord(text, lineNo, task.name, settings))}
}
