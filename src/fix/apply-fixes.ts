// Applying restorations to a source string (after textlint's source-code-fixer): fixes sorted from the
// end, an overlapping fix is left in `remaining`, adjacent fixes both apply, and each fix is applied only
// when the source still holds the text it expects to replace.

/** A fix: replace source[range[0], range[1]) with `text`. `actual`, when given, is verified first. */
export interface Fix {
  range: readonly [number, number]
  text: string
  actual?: string
}

/** The shape of an unspin vfile message that carries a fix (see the retext plugin). */
export interface FixMessage {
  actual?: string | undefined
  expected?: readonly string[] | undefined
  place?: {start: {offset?: number | undefined}; end: {offset?: number | undefined}} | unknown
}

export interface ApplyResult<T> {
  output: string
  /** fixes applied, in source order */
  applied: T[]
  /** fixes not applied: overlapping another, out of range, or the source no longer matches */
  remaining: T[]
}

function toFix(item: Fix | FixMessage): Fix | undefined {
  if ('range' in item) return item
  const place = item.place as {start?: {offset?: number}; end?: {offset?: number}} | undefined
  const start = place?.start?.offset
  const end = place?.end?.offset
  const text = item.expected?.[0]
  if (typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') return undefined
  return {range: [start, end], text, ...(item.actual === undefined ? {} : {actual: item.actual})}
}

/** Apply fixes (or unspin messages) to `source`. Pure: returns the new text and what was (not) applied. */
export function applyFixes<T extends Fix | FixMessage>(source: string, items: readonly T[]): ApplyResult<T> {
  const pending = items
    .map((item, index) => ({item, fix: toFix(item), index}))
    .sort((a, b) => {
      const ea = a.fix ? a.fix.range[1] : -1
      const eb = b.fix ? b.fix.range[1] : -1
      if (ea !== eb) return eb - ea
      return (b.fix?.range[0] ?? -1) - (a.fix?.range[0] ?? -1)
    })
  const applied: Array<{item: T; index: number}> = []
  const remaining: Array<{item: T; index: number}> = []
  // pieces of the output, last first: joined once at the end (slicing per fix would be quadratic)
  const pieces: string[] = []
  let lastStart = Number.POSITIVE_INFINITY
  for (const {item, fix, index} of pending) {
    const valid =
      fix !== undefined &&
      fix.range[0] >= 0 &&
      fix.range[0] <= fix.range[1] &&
      fix.range[1] <= source.length &&
      fix.range[1] <= lastStart &&
      (fix.actual === undefined || source.slice(fix.range[0], fix.range[1]) === fix.actual)
    if (!valid) {
      remaining.push({item, index})
      continue
    }
    pieces.push(source.slice(fix.range[1], Math.min(lastStart, source.length)), fix.text)
    lastStart = fix.range[0]
    applied.push({item, index})
  }
  pieces.push(source.slice(0, Math.min(lastStart, source.length)))
  const output = pieces.reverse().join('')
  const inOrder = (list: Array<{item: T; index: number}>) => list.sort((a, b) => a.index - b.index).map((x) => x.item)
  return {output, applied: inOrder(applied), remaining: inOrder(remaining)}
}
