// The retext plugin: reads the NLCST it is handed (from retext-english, or built from markdown/HTML),
// runs the shared matcher over its text view and attaches one vfile message per restoration.

import type {Nodes, Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Options} from '../analyze.js'
import {loadGlossary} from '../glossary/load.js'
import {findChanges} from '../match/find.js'
import {reportChange} from './messages.js'
import {looseSourceRange, sourceRange, TextViewBuilder, type TextView} from './text-view.js'

/** Build the text view of an NLCST tree: leaves in order, paragraphs kept apart. */
export function nlcstTextView(tree: Root): TextView {
  const builder = new TextViewBuilder()
  const walk = (node: Nodes) => {
    if ('value' in node) {
      builder.add(node.value, node.position?.start.offset ?? -1)
      return
    }
    if (node.type === 'ParagraphNode') builder.separate()
    for (const child of node.children) walk(child as Nodes)
    if (node.type === 'ParagraphNode') builder.separate()
  }
  walk(tree)
  return builder.build()
}

/** Report restorations found in an NLCST tree on `file` (shared by the retext, remark and rehype plugins). */
export function reportTree(tree: Root, file: VFile, options: Readonly<Options>): void {
  const view = nlcstTextView(tree)
  const {loaded} = loadGlossary(options)
  const {changes} = findChanges(view.text, loaded, options)
  const source = file.value === undefined ? undefined : String(file.value)
  for (const change of changes) {
    const exact = sourceRange(view, change.start, change.end)
    const fixable = exact !== undefined && (source === undefined || source.slice(exact[0], exact[1]) === change.actual)
    const range = exact ?? looseSourceRange(view, change.start, change.end)
    if (!range) continue
    reportChange(file, change, range[0], range[1], fixable)
  }
}

/**
 * retext plugin: report spun phrases as vfile messages (`source: 'unspin'`, `ruleId`, `actual`,
 * `expected`, `place` with offsets). Apply them with `applyFixes(String(file), file.messages)`.
 */
export default function retextUnspin(options?: Readonly<Options> | null) {
  const settings = options ?? {}
  return function (tree: Root, file: VFile): void {
    reportTree(tree, file, settings)
  }
}
