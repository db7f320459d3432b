// The batch run: settings → inputs → a pool of workers → results written in input order (restored
// text, in-place or --out files, reports, diffs), then the summary and the exit code. Whole documents
// are read and judged a few at a time; JSON Lines files stream through in batches, in order.

import {createReadStream, statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import type {Writable} from 'node:stream'
import {exitCodes, UsageError, type CliFlags, type Format} from './args.js'
import {settingsFrom, type Settings} from './config.js'
import {UnifiedDiff} from './diff.js'
import {expandInputs, readDocument, SkipError, type Input} from './inputs.js'
import {parsePointer, readLines, type LineItem} from './jsonl.js'
import {atomicStream, outPath, put, writeAtomic} from './output.js'
import {Reporter} from './report.js'
import {Progress, Stats, summaryLine} from './summary.js'
import type {DocumentOutcome, RecordOutcome, TaskSettings} from './tasks.js'
import {mainThreadPool, workerPool, type Pool} from './workers.js'

const batchLines = 500
const batchBytes = 1 << 20

/** Whole documents per message to the pool, and bytes (a batch closes at either limit). */
const batchDocuments = 32
const batchDocumentBytes = 256 * 1024

type Unreadable = {input: Input; error: string; bytes: number; skip?: SkipError}
type Loaded = {input: Input; source: string; bytes: number} | Unreadable
type Read = {input: Input; source: string; bytes: number; outcome: DocumentOutcome} | Unreadable

class Run {
  readonly stats = new Stats()
  readonly progress: Progress
  readonly reporter: Reporter
  /** restored text goes to standard output (no other output was asked for) */
  readonly textOut: boolean
  trouble = false
  artifacts = false

  constructor(
    readonly settings: Settings,
    readonly inputs: Input[],
    readonly base: string,
    readonly pool: Pool,
    /** how many batches of whole documents, and of JSON Lines records, may be in flight at once */
    readonly window: {documents: number; batches: number},
    readonly stdout: Writable
  ) {
    const s = settings
    this.textOut = !s.write && s.out === undefined && !s.check && !s.diff && !s.explain && s.report === undefined
    this.progress = new Progress(this.stats, inputs.length, Boolean(process.stderr.isTTY) && !s.quiet)
    this.reporter = new Reporter({report: s.report, explain: s.explain, diff: s.diff, listArtifacts: s.check && !s.diff && !s.explain && s.report === undefined}, stdout)
  }

  warn(message: string): void {
    this.progress.warn(message)
  }

  fail(message: string): void {
    this.trouble = true
    this.warn(message)
  }

  async all(): Promise<void> {
    await this.reporter.begin()
    // whole documents go to the pool in batches (fewer messages between threads), several in flight
    const pending: Array<Promise<Read[]>> = []
    let batch: Loaded[] = []
    let batchSize = 0
    const emitFirst = async () => {
      for (const read of await pending.shift()!) await this.emit(read)
    }
    const send = async () => {
      if (batch.length === 0) return
      pending.push(this.judge(batch))
      batch = []
      batchSize = 0
      if (pending.length >= this.window.documents) await emitFirst()
    }
    for (const input of this.inputs) {
      if (input.format === 'jsonl') {
        await send()
        while (pending.length > 0) await emitFirst()
        await this.records(input)
        this.progress.fileDone()
      } else {
        const loaded = await this.load(input)
        batch.push(loaded)
        batchSize += loaded.bytes
        if (batch.length >= batchDocuments || batchSize >= batchDocumentBytes) await send()
      }
    }
    await send()
    while (pending.length > 0) await emitFirst()
    const {files, skipped, documents, spun, changes, written, malformed, bytes} = this.stats
    await this.reporter.end({files, skipped, documents, spun, changes, written, malformed, bytes})
  }

  /** Read one whole document (or say why it is skipped). */
  private async load(input: Input): Promise<Loaded> {
    try {
      const document = await readDocument(input)
      return {input, source: document.text, bytes: document.bytes}
    } catch (error) {
      if (error instanceof SkipError) return {input, error: error.message, bytes: 0, ...(error.unread ? {skip: error} : {})}
      return {input, error: `${input.name}: ${(error as Error).message}; skipped`, bytes: 0}
    }
  }

  /** Restore a batch of documents in the pool; a failed batch skips its documents with the reason. */
  private async judge(batch: Loaded[]): Promise<Read[]> {
    const documents = batch.filter((l): l is Extract<Loaded, {source: string}> => 'source' in l)
    let outcomes: Array<DocumentOutcome | {error: string}>
    try {
      const outcome = await this.pool.run({
        kind: 'documents',
        documents: documents.map((d) => ({format: d.input.format as Exclude<Format, 'jsonl'>, source: d.source, name: d.input.name}))
      })
      outcomes = outcome.kind === 'documents' ? outcome.outcomes : []
    } catch (error) {
      outcomes = documents.map(() => ({error: (error as Error).message}))
    }
    let k = 0
    return batch.map((loaded): Read => {
      if (!('source' in loaded)) return loaded
      const outcome = outcomes[k++] ?? {error: 'no result'}
      if ('error' in outcome) return {input: loaded.input, error: `${loaded.input.name}: ${outcome.error}; skipped`, bytes: loaded.bytes}
      return {...loaded, outcome}
    })
  }

  private async emit(read: Read): Promise<void> {
    const {input} = read
    this.stats.files++
    this.stats.bytes += read.bytes
    this.progress.fileDone()
    if ('error' in read) {
      this.stats.skipped++
      if (this.textOut && read.skip?.unread) {
        // a filter loses nothing: standard input it cannot restore goes through as it came
        this.fail(read.skip.passedThrough)
        const {held, rest} = read.skip.unread
        for (const chunk of held) await put(this.stdout, chunk)
        if (rest) for (let next = await rest.next(); !next.done; next = await rest.next()) await put(this.stdout, next.value)
        return
      }
      this.fail(read.error)
      await this.reporter.skipped(input, read.error)
      return
    }
    const {outcome, source} = read
    this.stats.documents++
    if (outcome.spun) this.stats.spun++
    if (outcome.changes > 0) this.stats.changed++
    this.stats.changes += outcome.changes
    if (outcome.changes + outcome.unfixable > 0) this.artifacts = true
    if (this.textOut) await put(this.stdout, outcome.output)
    const target = this.target(input, outcome.output !== source)
    if (target) {
      try {
        writeAtomic(target, outcome.output)
        this.stats.written++
      } catch (error) {
        this.fail(`${input.name}: cannot write ${target} (${(error as Error).message}); left as it was`)
      }
    }
    await this.reporter.document(input, outcome)
  }

  /** The file to write for `input`, if any (--write only when changed; --out always). */
  private target(input: Input, changed: boolean): string | undefined {
    if (this.settings.write) return changed ? input.path : undefined
    if (this.settings.out !== undefined) return outPath(this.settings.out, this.base, input.path)
    return undefined
  }

  /** A batch of records judged by the pool; if that fails, the lines pass through unchanged. */
  private async judgeRecords(input: Input, lines: Array<{lineNo: number; text: string}>): Promise<RecordOutcome[]> {
    try {
      const outcome = await this.pool.run({kind: 'records', lines, name: input.name})
      return outcome.kind === 'records' ? outcome.records : []
    } catch (error) {
      this.fail(`${input.name}:${lines[0]!.lineNo}-${lines.at(-1)!.lineNo}: ${(error as Error).message}; passed through unchanged`)
      return lines.map(({text}) => ({out: text, hasText: false, changes: 0, unfixable: 0, score: null, spun: null, details: undefined, warning: undefined}))
    }
  }

  /** Stream a JSON Lines input through the pool in batches, writing lines in their original order. */
  private async records(input: Input): Promise<void> {
    this.stats.files++
    const totals = {records: 0, spun: 0, changes: 0, unfixable: 0, malformed: 0}
    let sink: Awaited<ReturnType<typeof atomicStream>> | undefined
    let diffText: string | undefined
    let changed = false
    let started = false
    let pendingDiff = ''
    const diff = this.settings.diff
      ? new UnifiedDiff(`a/${input.name}`, `b/${input.name}`, (text) => {
          if (this.settings.report === 'json') diffText = (diffText ?? '') + text
          else pendingDiff += text
        })
      : undefined
    const out = (): Writable | undefined => (this.textOut ? this.stdout : sink?.stream)
    const queue: Array<{items: LineItem[]; outcomes: Promise<RecordOutcome[]>}> = []

    const flush = async ({items, outcomes}: (typeof queue)[number]) => {
      const results = await outcomes
      let text = ''
      let k = 0
      const target = out()
      for (const item of items) {
        if (item.kind === 'raw') {
          if (item.warning) this.warn(item.warning)
          if (target) {
            await put(target, text)
            text = ''
            await put(target, item.bytes)
          }
          diff?.same(item.bytes.toString())
          continue
        }
        const result = results[k++]!
        if (result.warning) {
          this.warn(result.warning)
          totals.malformed++
          this.stats.malformed++
        }
        if (result.hasText) {
          totals.records++
          this.stats.documents++
          if (result.spun) {
            totals.spun++
            this.stats.spun++
          }
          if (result.changes > 0) this.stats.changed++
        }
        totals.changes += result.changes
        totals.unfixable += result.unfixable
        this.stats.changes += result.changes
        if (result.changes + result.unfixable > 0) this.artifacts = true
        if (result.out !== null) text += result.out + item.eol
        if (result.out !== item.text) {
          changed = true
          diff?.change([item.text + item.eol], result.out === null ? [] : [result.out + item.eol])
        } else {
          diff?.same(item.text + item.eol)
        }
        await this.reporter.recordDetails(input, result.details)
      }
      if (target) await put(target, text)
      if (pendingDiff) {
        await this.reporter.diffText(pendingDiff)
        pendingDiff = ''
      }
      this.progress.update()
    }

    const begin = async () => {
      started = true
      await this.reporter.recordsBegin(input)
      const target = this.target(input, true)
      if (target) sink = await atomicStream(target)
    }
    try {
      const stream = input.path === '-' ? (process.stdin as AsyncIterable<Buffer>) : createReadStream(input.path, {highWaterMark: 1 << 16})
      let batch: LineItem[] = []
      let size = 0
      const submit = async () => {
        const lines = batch.flatMap((item) => (item.kind === 'line' ? [{lineNo: item.lineNo, text: item.text}] : []))
        const outcomes = lines.length === 0 ? Promise.resolve([]) : this.judgeRecords(input, lines)
        queue.push({items: batch, outcomes})
        batch = []
        size = 0
        if (queue.length >= this.window.batches) await flush(queue.shift()!)
      }
      for await (const item of readLines(stream, input.name)) {
        if (!started) await begin()
        batch.push(item)
        size += item.kind === 'line' ? item.text.length : item.bytes.length
        this.stats.bytes += item.kind === 'line' ? Buffer.byteLength(item.text) + item.eol.length : item.bytes.length
        if (batch.length >= batchLines || size >= batchBytes) await submit()
      }
      if (!started) await begin()
      if (batch.length > 0) await submit()
      while (queue.length > 0) await flush(queue.shift()!)
      diff?.end()
      if (pendingDiff) await this.reporter.diffText(pendingDiff)
      if (sink) {
        if (this.settings.write && !changed) await sink.abort()
        else {
          await sink.commit()
          this.stats.written++
        }
      }
      await this.reporter.recordsEnd(input, totals, diffText)
    } catch (error) {
      await sink?.abort()
      this.stats.skipped++
      const message = error instanceof SkipError ? error.message : `${input.name}: ${(error as Error).message}; ${started ? 'stopped (no file written)' : 'skipped'}`
      this.fail(message)
      if (!started) await this.reporter.skipped(input, message)
      else await this.reporter.recordsEnd(input, totals, diffText)
    }
  }
}

/** Inputs smaller than this together run in the main thread unless --jobs says otherwise. */
const parallelFrom = 4_000_000

/** Worker threads to start (1: none, work in the main thread). */
function workerCount(jobs: number | undefined, inputs: Input[]): number {
  const streaming = inputs.some((i) => i.format === 'jsonl')
  if (jobs === undefined) {
    const bytes = inputs.reduce((sum, i) => sum + (i.path === '-' ? 0 : sizeOf(i.path)), 0)
    if (bytes < parallelFrom) return 1
    jobs = availableParallelism()
  }
  return streaming ? jobs : Math.min(jobs, inputs.length)
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

function taskSettings(settings: Settings): TaskSettings {
  const {glossaries, bundled, disable, gate, minCertain} = settings
  return {
    engine: {glossaries, bundled, disable, gate, ...(minCertain !== undefined ? {minCertain} : {})},
    pointer: parsePointer(settings.field),
    annotate: settings.annotate,
    only: settings.only,
    threshold: settings.threshold,
    score: settings.annotate || settings.only !== undefined || settings.explain || settings.report !== undefined,
    details: settings.explain || settings.report !== undefined,
    diff: settings.diff
  }
}

/** Run the batch CLI; resolves to the exit code. Throws UsageError/ConfigError for the caller to print. */
export async function runBatch(flags: CliFlags): Promise<number> {
  const settings = settingsFrom(flags)
  const {inputs, missing, base} = expandInputs(settings.inputs, settings.format, settings.out)
  if (inputs.some((i) => i.path === '-') && (settings.write || settings.out !== undefined)) {
    throw new UsageError('standard input cannot be written back: give files with --write/--out')
  }
  if (settings.out !== undefined) for (const input of inputs) outPath(settings.out, base, input.path) // refuse before writing anything
  const stdout = process.stdout
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCodes.ok)
    throw error
  })
  const size = workerCount(settings.jobs, inputs)
  const parallel = size > 1
  const perTask = taskSettings(settings)
  let pool: Pool
  try {
    pool = parallel ? await workerPool(size, perTask) : mainThreadPool(perTask)
  } catch (error) {
    process.stderr.write(`unspin: ${(error as Error).message}\n`)
    return exitCodes.trouble
  }
  // documents in flight: reading and writing files overlap with the work of the pool
  const run = new Run(settings, inputs, base, pool, {documents: 2 * size, batches: 2 * size}, stdout)
  run.stats.scored = perTask.score
  for (const row of pool.rejected) run.warn(`${row.file}:${row.line}: ${row.reason} (glossary row not used)`)
  for (const arg of missing) run.fail(`${arg}: no such file, folder or matching glob`)
  if ((settings.only || settings.annotate) && !inputs.some((i) => i.format === 'jsonl')) {
    run.warn('--only and --annotate apply to JSON Lines only (use --format jsonl for standard input)')
  }
  try {
    await run.all()
  } finally {
    await pool.close()
    run.progress.clear()
  }
  if (!settings.quiet) process.stderr.write(summaryLine(run.stats, settings.write || settings.out !== undefined))
  if (run.trouble) return exitCodes.trouble
  return settings.check && run.artifacts ? exitCodes.artifacts : exitCodes.ok
}
