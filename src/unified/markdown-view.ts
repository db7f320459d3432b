// The text view of a markdown document (mdast): prose in paragraphs, headings, list items, block
// quotes, footnotes, table cells (which mdast-util-to-nlcst skips), emphasis and link text. Code,
// inline code, raw HTML, autolinks and bare URLs, definitions, images and front matter are never read;
// HTML comments carry the ignore directives.

import type {Link, Nodes, Root, Text} from 'mdast'
import {DocumentViewBuilder, type DocumentView} from './document-view.js'
import {nonProse} from './html-view.js'

/** Blocks whose phrasing content is prose. */
const proseBlocks = new Set(['paragraph', 'heading', 'tableCell'])
/** Containers of blocks. */
const containers = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow'])
/** Inline containers read through. */
const inlines = new Set(['emphasis', 'strong', 'delete', 'linkReference'])

/** Where front matter ends (0 when there is none), also when the parser was not told about it. */
function frontMatterEnd(source: string | undefined): number {
  const match = source === undefined ? null : /^(---|\+\+\+)[ \t]*\r?\n(?:[^]*?\r?\n)?\1[ \t]*(?:\r?\n|$)/.exec(source)
  return match ? match[0].length : 0
}

/** `[text](url)` has prose text; `<https://…>` and GFM literal autolinks only hold the URL. */
function isAutolink(node: Link, source: string | undefined): boolean {
  const start = node.position?.start.offset
  if (source !== undefined && start !== undefined) return source.charAt(start) !== '['
  const only = node.children.length === 1 ? node.children[0] : undefined
  return only?.type === 'text' && (only.value === node.url || `mailto:${only.value}` === node.url)
}

/** +1 when an inline raw HTML tag opens an element whose content is not prose, -1 when it closes one, else 0. */
function nonProseTag(html: string): number {
  const match = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>$/.exec(html.trim())
  if (!match || match[3] || !nonProse.has(match[2]!.toLowerCase())) return 0
  return match[1] ? -1 : 1
}

/** Build the one text view of a whole markdown document. */
export function markdownView(tree: Root, source: string | undefined): DocumentView<Text> {
  const builder = new DocumentViewBuilder<Text>(source)
  const skipUntil = frontMatterEnd(source)
  /** open inline raw HTML elements such as `<code>…</code>` whose text is not prose */
  let rawDepth = 0

  const walk = (node: Nodes): void => {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type !== 'root' && start !== undefined && start < skipUntil) return
    if (node.type === 'text') {
      if (rawDepth === 0 && start !== undefined && end !== undefined) builder.text(node, node.value, start, end)
      else builder.skip()
    } else if (node.type === 'html') {
      builder.html(node.value)
      rawDepth = Math.max(0, rawDepth + nonProseTag(node.value))
      builder.skip()
    } else if (node.type === 'break') {
      builder.lineBreak()
    } else if (node.type === 'link') {
      if (isAutolink(node, source)) builder.skip()
      else for (const child of node.children) walk(child)
    } else if (proseBlocks.has(node.type) || containers.has(node.type)) {
      rawDepth = 0
      builder.separate()
      if ('children' in node) for (const child of node.children) walk(child as Nodes)
      builder.separate()
    } else if (inlines.has(node.type) && 'children' in node) {
      for (const child of node.children) walk(child as Nodes)
    } else {
      // code, inline code, images, definitions, front matter, math, footnote calls, unknown nodes
      builder.skip()
    }
  }

  walk(tree)
  return builder.build()
}
