// The evidence gate: contextual entries fire only in documents that already show enough certain
// evidence of spinning. Thresholds were chosen from measurements on clean and spun corpora
// (see docs/precision.md): certain entries have zero hits in 2.8 M words of clean prose.

export type GateMode = 'auto' | 'open' | 'closed'

export interface GateOptions {
  /** `open` applies contextual entries always, `closed` never; `auto` (default) decides from evidence */
  gate?: GateMode
  /** certain hits needed to open the gate (default 2) */
  minCertain?: number
}

export interface Evidence {
  /** certain-tier artifacts found (non-overlapping) */
  certain: number
  /** contextual-tier candidates whose context conditions hold */
  contextual: number
  /** words in the document */
  words: number
}

export const defaultMinCertain = 2

/** Is the gate open for a document with this evidence? */
export function gateOpen(evidence: Evidence, options: GateOptions = {}): boolean {
  const mode = options.gate ?? 'auto'
  if (mode !== 'auto') return mode === 'open'
  return evidence.certain >= (options.minCertain ?? defaultMinCertain)
}
