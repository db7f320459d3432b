// Offsets of line starts in a text, and the line an offset falls on (binary search), for diffs and
// per-change positions in reports.

/** Index into `starts` (sorted line-start offsets) of the line holding offset `at`. */
export function lineIndex(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}
