// Composing two rounds of restorations into one set of changes on the original text. A restoration
// can complete a phrase with its neighbours ("Navy authorities’s" → "Military authorities’s", whose
// "authorities’s" is itself an artifact), so the matcher runs again on its own output until nothing
// changes; the later round's changes are mapped back here. Where rounds overlap, the change covers
// both spans and restores straight to the final text.

import type {Change} from './find.js'

/** Apply non-overlapping changes (sorted) to `text`. */
export function applyChanges(text: string, changes: readonly Change[]): string {
  let out = ''
  let at = 0
  for (const c of changes) {
    out += text.slice(at, c.start) + c.expected
    at = c.end
  }
  return out + text.slice(at)
}

interface Span {
  /** span in the first round's output */
  start: number
  end: number
  first?: Change
  second?: Change
}

/**
 * `first`: changes to `text`; `second`: changes to applyChanges(text, first). Returns changes to `text`
 * whose application gives the second round's output, or null when the second round adds nothing. An
 * entry never applies again to its own replacement (a user's "hundreds" → "hundreds of thousands"
 * would grow forever): such second-round changes are dropped.
 */
export function composeChanges(text: string, first: readonly Change[], second: readonly Change[]): Change[] | null {
  const middle = applyChanges(text, first)
  // the first round's replacements in the middle text (in order), and the length change before each
  const firstSpans: Span[] = []
  const shiftBefore: number[] = []
  let shift = 0
  for (const c of first) {
    const start = c.start + shift
    firstSpans.push({start, end: start + c.expected.length, first: c})
    shiftBefore.push(shift)
    shift += c.expected.length - (c.end - c.start)
  }
  /** Index of the first replacement ending after `position` (binary search). */
  const after = (position: number) => {
    let lo = 0
    let hi = firstSpans.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (firstSpans[mid]!.end <= position) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  const ownOutput = (c: Change) => {
    for (let i = after(c.start); i < firstSpans.length && firstSpans[i]!.start < c.end; i++) if (firstSpans[i]!.first!.ruleId === c.ruleId) return true
    return false
  }
  const kept = second.filter((c) => !ownOutput(c))
  if (kept.length === 0) return null
  const spans: Span[] = [...firstSpans, ...kept.map((c) => ({start: c.start, end: c.end, second: c}))]
  spans.sort((a, b) => a.start - b.start || a.end - b.end)

  // clusters of strictly overlapping spans
  const clusters: Span[][] = []
  let end = -1
  for (const span of spans) {
    if (clusters.length > 0 && span.start < end) {
      clusters.at(-1)!.push(span)
      end = Math.max(end, span.end)
    } else {
      clusters.push([span])
      end = span.end
    }
  }

  // a position of the middle text outside every first-round replacement, mapped back to `text`
  const toOriginal = (position: number) => {
    const i = after(position)
    return position - (i < firstSpans.length ? shiftBefore[i]! : shift)
  }

  const out: Change[] = []
  for (const cluster of clusters) {
    const firsts = cluster.filter((s) => s.first).map((s) => s.first!)
    const seconds = cluster.filter((s) => s.second).map((s) => s.second!)
    if (seconds.length === 0) {
      out.push(...firsts)
      continue
    }
    const from = Math.min(...cluster.map((s) => s.start))
    const to = Math.max(...cluster.map((s) => s.end))
    const head = cluster.find((s) => s.start === from)!
    const tail = cluster.reduce((a, b) => (b.end >= a.end ? b : a))
    const start = head.first ? head.first.start : toOriginal(from)
    const stop = tail.first && tail.end === to ? tail.first.end : toOriginal(to)
    if (firsts.length === 0 && seconds.length === 1) {
      out.push({...seconds[0]!, start, end: stop})
      continue
    }
    // the middle text of the cluster with the second round's changes applied
    const expected = applyChanges(middle.slice(from, to), seconds.map((c) => ({...c, start: c.start - from, end: c.end - from})))
    const rules = [...firsts, ...seconds]
    const lead = rules[0]!
    out.push({
      ...lead,
      start,
      end: stop,
      actual: text.slice(start, stop),
      expected,
      confidence: rules.some((c) => c.confidence === 'contextual') ? 'contextual' : lead.confidence,
      note: [...new Set(rules.map((c) => c.note))].join(' Then: ')
    })
  }
  return out.sort((a, b) => a.start - b.start)
}
