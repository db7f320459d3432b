// Handing located restorations to a unified pipeline: one standard vfile message each, and the fixable
// ones written back into their text nodes (so remark/rehype output the repaired document). A change
// that is not fixable (split across markup, or over a decoded character reference) is only reported.

import type {VFile} from 'vfile'
import type {LocatedChange} from './locate-changes.js'
import {reportChange} from './messages.js'

/** Attach a message per change, with positions into the file's source. */
export function reportLocated<N>(file: VFile, located: ReadonlyArray<LocatedChange<N>>): void {
  for (const {change, start, end, fixable} of located) reportChange(file, change, start, end, fixable)
}

/** Replace each fixable change inside its text node, last first so earlier offsets stay valid. */
export function editLeaves<N extends {value: string}>(located: ReadonlyArray<LocatedChange<N>>): void {
  for (let k = located.length - 1; k >= 0; k--) {
    const {change, fixable, leaf} = located[k]!
    if (!fixable || !leaf) continue
    const from = change.start - leaf.view
    const to = change.end - leaf.view
    const value = leaf.node.value
    if (value.slice(from, to) !== change.actual) continue
    leaf.node.value = value.slice(0, from) + change.expected + value.slice(to)
  }
}
