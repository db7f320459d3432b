// From a document's text view to located restorations: the matcher runs once over the whole view (the
// evidence gate is per document), ignore comments drop changes, and each change gets its source range
// and whether it can be applied in place — inside one text node, over a contiguous source run that
// holds exactly the text read (checked against the source when it is known).

import type {Options} from '../analyze.js'
import {loadGlossary} from '../glossary/load.js'
import {findChanges, type Change, type FindResult} from '../match/find.js'
import type {DocumentView, Leaf} from './document-view.js'
import {ignores, initialIgnoreState, type IgnoreState} from './ignore-comments.js'
import {looseSourceRange, sourceRange} from './text-view.js'

export interface LocatedChange<N> {
  /** the change, offsets into the view */
  change: Change
  /** source range (exact when fixable, approximate otherwise) */
  start: number
  end: number
  fixable: boolean
  /** the text node holding the whole change, if one does */
  leaf: Leaf<N> | undefined
}

export interface LocateResult<N> extends Omit<FindResult, 'changes'> {
  located: Array<LocatedChange<N>>
}

function stateAt(ignore: DocumentView<unknown>['ignore'], offset: number): IgnoreState {
  let state = initialIgnoreState
  for (const transition of ignore) {
    if (transition.view > offset) break
    state = transition.state
  }
  return state
}

function leafAt<N>(leaves: Array<Leaf<N>>, offset: number): Leaf<N> | undefined {
  let low = 0
  let high = leaves.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (leaves[mid]!.view <= offset) low = mid
    else high = mid - 1
  }
  const leaf = leaves[low]
  return leaf && leaf.view <= offset ? leaf : undefined
}

/** Find, filter and locate the restorations in a document view. */
export function locateChanges<N extends {value: string}>(doc: DocumentView<N>, options: Readonly<Options>): LocateResult<N> {
  const {loaded} = loadGlossary(options)
  const {changes, evidence, gateOpen} = findChanges(doc.view.text, loaded, options)
  const located: Array<LocatedChange<N>> = []
  for (const change of changes) {
    if (ignores(stateAt(doc.ignore, change.start), change)) continue
    const first = leafAt(doc.leaves, change.start)
    const last = leafAt(doc.leaves, change.end - 1)
    const leaf = first && first === last ? first : undefined
    const exact = sourceRange(doc.view, change.start, change.end)
    const verified = exact !== undefined && (doc.source === undefined || doc.source.slice(exact[0], exact[1]) === change.actual)
    const range = exact ?? looseSourceRange(doc.view, change.start, change.end) ?? (first && last ? [first.start, last.end] : undefined)
    if (!range) continue
    located.push({change, start: range[0], end: range[1], fixable: verified && leaf !== undefined, leaf})
  }
  return {located, evidence, gateOpen}
}
