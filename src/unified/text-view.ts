// A text view over a syntax tree: the concatenated text of its leaves (what the matcher reads) and a
// map back to offsets in the source file. Markup between leaves (emphasis markers, tags) makes the
// source discontinuous; a match over such a seam is reported but cannot be fixed in place.

export interface Segment {
  /** offset in the view text */
  view: number
  /** offset in the source file, or -1 for separators the view adds */
  source: number
  length: number
}

export interface TextView {
  text: string
  segments: Segment[]
}

/** Builds a view leaf by leaf. */
export class TextViewBuilder {
  private parts: string[] = []
  private length = 0
  readonly segments: Segment[] = []

  /** Append a leaf's value found at `sourceStart` in the source (-1 when unknown). */
  add(value: string, sourceStart: number): void {
    if (value === '') return
    this.segments.push({view: this.length, source: sourceStart, length: value.length})
    this.parts.push(value)
    this.length += value.length
  }

  /** Separate blocks so no phrase is matched across them. */
  separate(): void {
    if (this.length > 0 && !this.parts[this.parts.length - 1]!.endsWith('\n\n')) this.add('\n\n', -1)
  }

  build(): TextView {
    return {text: this.parts.join(''), segments: this.segments}
  }
}

function segmentAt(view: TextView, offset: number): number {
  let low = 0
  let high = view.segments.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (view.segments[mid]!.view <= offset) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * Source range of view[start, end), or undefined when the range crosses markup or a separator
 * (the source is not one contiguous run there).
 */
export function sourceRange(view: TextView, start: number, end: number): [number, number] | undefined {
  if (view.segments.length === 0 || end <= start) return undefined
  const first = segmentAt(view, start)
  const last = segmentAt(view, end - 1)
  for (let k = first; k <= last; k++) {
    const segment = view.segments[k]!
    if (segment.source < 0) return undefined
    if (k > first) {
      const previous = view.segments[k - 1]!
      if (previous.source + previous.length !== segment.source) return undefined
    }
  }
  const a = view.segments[first]!
  const b = view.segments[last]!
  return [a.source + (start - a.view), b.source + (end - b.view)]
}

/** Source range of view[start, end) even across markup (for reporting positions). */
export function looseSourceRange(view: TextView, start: number, end: number): [number, number] | undefined {
  if (view.segments.length === 0 || end <= start) return undefined
  const a = view.segments[segmentAt(view, start)]!
  const b = view.segments[segmentAt(view, end - 1)]!
  if (a.source < 0 || b.source < 0) return undefined
  return [a.source + (start - a.view), b.source + (end - b.view)]
}
