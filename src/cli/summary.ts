// Run statistics, the progress bar (standard error, only on a terminal) and the closing summary.
// Warnings go through here so that they never land in the middle of the bar.

export class Stats {
  files = 0
  skipped = 0
  documents = 0
  /** documents judged spun (counted when the spin score was computed: `scored`) */
  spun = 0
  scored = false
  /** documents with at least one change */
  changed = 0
  changes = 0
  written = 0
  malformed = 0
  bytes = 0
  readonly started = performance.now()
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)

export class Progress {
  private shown = false
  private last = 0
  private done = 0

  constructor(
    private readonly stats: Stats,
    private readonly total: number,
    private readonly enabled: boolean
  ) {}

  /** Print a warning (clearing the bar first). */
  warn(message: string): void {
    this.clear()
    process.stderr.write(`unspin: ${message}\n`)
  }

  fileDone(): void {
    this.done++
    this.update()
  }

  update(): void {
    if (!this.enabled) return
    const now = performance.now()
    if (now - this.last < 100) return
    this.last = now
    const width = 24
    const filled = this.total > 0 ? Math.round((width * this.done) / this.total) : 0
    const seconds = (now - this.stats.started) / 1000
    const rate = seconds > 0 ? this.stats.bytes / 1e6 / seconds : 0
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total} files  ${mb(this.stats.bytes)} MB  ${rate.toFixed(1)} MB/s\x1b[K`)
    this.shown = true
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K')
    this.shown = false
  }
}

/** The closing line: files, documents changed (or judged spun, when scored), changes, throughput. */
export function summaryLine(stats: Stats, writing: boolean): string {
  const seconds = (performance.now() - stats.started) / 1000
  const parts = [
    `${stats.files} file${stats.files === 1 ? '' : 's'}${stats.skipped ? ` (${stats.skipped} skipped)` : ''}`,
    `${stats.scored ? stats.spun : stats.changed} of ${stats.documents} document${stats.documents === 1 ? '' : 's'} ${stats.scored ? 'judged spun' : 'changed'}`,
    `${stats.changes} change${stats.changes === 1 ? '' : 's'}`
  ]
  if (writing) parts.push(`${stats.written} file${stats.written === 1 ? '' : 's'} written`)
  if (stats.malformed) parts.push(`${stats.malformed} malformed line${stats.malformed === 1 ? '' : 's'} passed through`)
  const rate = seconds > 0 ? stats.bytes / 1e6 / seconds : 0
  return `unspin: ${parts.join(', ')}; ${mb(stats.bytes)} MB in ${seconds.toFixed(2)} s (${rate.toFixed(1)} MB/s)\n`
}
