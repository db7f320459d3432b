// One text view over a whole markup document (markdown or HTML), read leaf by leaf in document order:
// the text nodes it read (to edit them in a tree), the ignore state along the way, and placeholders
// for markup that must stop a phrase (inline code, images, raw HTML) without being read.

import {alignLeaf} from './align-leaf.js'
import {applyComment, commentsIn, initialIgnoreState, readsNothing, type IgnoreState} from './ignore-comments.js'
import {TextViewBuilder, type TextView} from './text-view.js'

/** A text node the view read: view[view, view + value.length) is node.value (URLs masked). */
export interface Leaf<N> {
  node: N
  view: number
  /** source offsets of the node, for reporting a change that has no exact source range */
  start: number
  end: number
}

export interface DocumentView<N> {
  view: TextView
  leaves: Array<Leaf<N>>
  /** ignore state changes, by view offset, in order */
  ignore: Array<{view: number; state: IgnoreState}>
  /** the document source, when known */
  source: string | undefined
}

/** Not a word and not joining whitespace: no phrase matches across it. */
const stop = '\uFFFC'

/** URLs and e-mail addresses inside prose, masked so no entry ever matches in them. */
const url = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>]+|[\w.+-]+@[\w-]+\.[\w.-]+/gi

/** Builds a DocumentView; the walkers for mdast and hast feed it. */
export class DocumentViewBuilder<N> {
  private readonly builder = new TextViewBuilder()
  private readonly leaves: Array<Leaf<N>> = []
  private readonly ignore: Array<{view: number; state: IgnoreState}> = []
  private state: IgnoreState = initialIgnoreState

  constructor(private readonly source: string | undefined) {}

  private get length(): number {
    const last = this.builder.segments[this.builder.segments.length - 1]
    return last ? last.view + last.length : 0
  }

  /** Read a text node whose value was parsed from source[start, end). */
  text(node: N, value: string, start: number, end: number): void {
    if (readsNothing(this.state) || value === '') return
    const view = this.length
    const masked = value.replace(url, (m) => stop.repeat(m.length))
    for (const run of alignLeaf(value, this.source, start, end)) {
      this.builder.add(masked.slice(run.offset, run.offset + run.length), run.source)
    }
    this.leaves.push({node, view, start, end})
  }

  /** Markup inside a block that is not read (inline code, images, raw HTML). */
  skip(): void {
    if (!readsNothing(this.state)) this.builder.add(stop, -1)
  }

  /** A hard line break. */
  lineBreak(): void {
    if (!readsNothing(this.state)) this.builder.add('\n', -1)
  }

  /** Keep blocks apart. */
  separate(): void {
    this.builder.separate()
  }

  /** Raw HTML (or a comment's inner text with `inner`): apply any ignore directives in it. */
  html(value: string, inner = false): void {
    for (const comment of inner ? [value] : commentsIn(value)) {
      const next = applyComment(this.state, comment)
      if (next === this.state) continue
      this.state = next
      this.separate()
      this.ignore.push({view: this.length, state: next})
    }
  }

  build(): DocumentView<N> {
    return {view: this.builder.build(), leaves: this.leaves, ignore: this.ignore, source: this.source}
  }
}
