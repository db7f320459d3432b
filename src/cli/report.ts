// What goes to standard output besides restored text: --explain lines, --report text/json, the
// --check listing and diffs. The JSON report is written as it goes (a JSON Lines file's changes are
// streamed inside its entry), so it needs no whole corpus in memory.

import type {Writable} from 'node:stream'
import {put} from './output.js'
import type {Input} from './inputs.js'
import type {ChangeInfo, DocumentOutcome} from './tasks.js'

export interface ReportMode {
  report: 'json' | 'text' | undefined
  explain: boolean
  diff: boolean
  /** --check without other listing: name the files with artifacts */
  listArtifacts: boolean
}

export interface RecordsTotals {
  records: number
  spun: number
  changes: number
  unfixable: number
  malformed: number
}

/** Rounded score (reports always compute it; null only if a caller did not ask) */
const score = (n: number | null) => (n === null ? null : Math.round(n * 1e4) / 1e4)

function explainLine(name: string, c: ChangeInfo): string {
  const fate = c.unfixable ? ' (left alone: split across markup)' : ''
  return `${name}:${c.line}:${c.column}: ${c.actual.replace(/\s+/g, ' ')} → ${c.expected} [${c.ruleId}, ${c.confidence}]${fate} ${c.note}\n    ${c.context}\n`
}

export class Reporter {
  private files = 0
  private detailsInFile = 0

  constructor(
    private readonly mode: ReportMode,
    private readonly out: Writable
  ) {}

  private get json(): boolean {
    return this.mode.report === 'json'
  }

  async begin(): Promise<void> {
    if (this.json) await put(this.out, '{"files":[')
  }

  private async openFile(input: Input): Promise<void> {
    if (!this.json) return
    await put(this.out, `${this.files++ > 0 ? ',' : ''}\n{"path":${JSON.stringify(input.name)},"format":"${input.format}","details":[`)
    this.detailsInFile = 0
  }

  private async closeFile(fields: Record<string, unknown>): Promise<void> {
    if (this.json) await put(this.out, `],${JSON.stringify(fields).slice(1)}`)
  }

  /** Changes of a document or of some records, in order. */
  private async details(input: Input, details: ChangeInfo[] | undefined): Promise<void> {
    if (!details || details.length === 0) return
    if (this.json) {
      await put(this.out, details.map((d) => `${this.detailsInFile++ > 0 ? ',' : ''}\n${JSON.stringify(d)}`).join(''))
    } else if (this.mode.explain) {
      await put(this.out, details.map((d) => explainLine(input.name, d)).join(''))
    }
  }

  async skipped(input: Input, reason: string): Promise<void> {
    if (!this.json) return
    await this.openFile(input)
    await this.closeFile({skipped: reason})
  }

  async document(input: Input, outcome: DocumentOutcome): Promise<void> {
    const found = outcome.changes + outcome.unfixable
    if (this.mode.report === 'text') {
      await put(this.out, `${input.name}: ${outcome.changes} change${outcome.changes === 1 ? '' : 's'}${outcome.unfixable ? `, ${outcome.unfixable} left alone` : ''}, score ${score(outcome.score)} (${outcome.spun ? 'spun' : 'clean'})\n`)
    } else if (this.mode.listArtifacts && found > 0) {
      await put(this.out, `${input.name}: ${found} artifact${found === 1 ? '' : 's'}\n`)
    }
    await this.openFile(input)
    await this.details(input, outcome.details)
    if (this.json) {
      await this.closeFile({score: score(outcome.score), spun: outcome.spun, changes: outcome.changes, unfixable: outcome.unfixable, ...(this.mode.diff ? {diff: outcome.diff} : {})})
    } else if (this.mode.diff) {
      await put(this.out, outcome.diff)
    }
  }

  async recordsBegin(input: Input): Promise<void> {
    await this.openFile(input)
  }

  async recordDetails(input: Input, details: ChangeInfo[] | undefined): Promise<void> {
    await this.details(input, details)
  }

  /** Diff text of a JSON Lines file, as hunks complete (not in the JSON report: see recordsEnd). */
  async diffText(text: string): Promise<void> {
    if (!this.json) await put(this.out, text)
  }

  async recordsEnd(input: Input, totals: RecordsTotals, diff: string | undefined): Promise<void> {
    const found = totals.changes + totals.unfixable
    if (this.mode.report === 'text') {
      await put(this.out, `${input.name}: ${totals.records} record${totals.records === 1 ? '' : 's'}, ${totals.spun} spun, ${totals.changes} change${totals.changes === 1 ? '' : 's'}${totals.malformed ? `, ${totals.malformed} malformed` : ''}\n`)
    } else if (this.mode.listArtifacts && found > 0) {
      await put(this.out, `${input.name}: ${found} artifact${found === 1 ? '' : 's'}\n`)
    }
    await this.closeFile({...totals, ...(diff !== undefined ? {diff} : {})})
  }

  async end(summary: Record<string, unknown>): Promise<void> {
    if (this.json) await put(this.out, `\n],"summary":${JSON.stringify(summary)}}\n`)
  }
}
