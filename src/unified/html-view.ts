// The text view of an HTML document (hast): text nodes in reading order, blocks kept apart, inline
// elements (em, a, span…) read through. Script, style, code, pre, kbd, samp, textarea, template,
// noscript and foreign content (svg, math) are never read, nor are attributes; comments carry the
// ignore directives.

import type {Nodes, Root, Text} from 'hast'
import {DocumentViewBuilder, type DocumentView} from './document-view.js'

/** Elements whose content is not prose (also when written as raw HTML inside markdown). */
export const nonProse = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'textarea', 'template', 'noscript', 'svg', 'math'])

/** Phrasing elements: a phrase may run across them (then it is reported, not fixed). */
const inline = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'wbr'
])

/** Elements that stand in a line of text without text of their own. */
const embedded = new Set(['img', 'input', 'button', 'select', 'video', 'audio', 'iframe', 'object', 'embed', 'canvas', 'picture'])

/** Build the one text view of a whole HTML document. */
export function htmlView(tree: Root, source: string | undefined): DocumentView<Text> {
  const builder = new DocumentViewBuilder<Text>(source)

  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) builder.text(node, node.value, start, end)
      else builder.skip()
    } else if (node.type === 'comment') {
      builder.html(node.value, true)
    } else if (node.type === 'root') {
      for (const child of node.children) walk(child)
    } else if (node.type === 'element') {
      const name = node.tagName
      if (name === 'br') builder.lineBreak()
      else if (nonProse.has(name) || embedded.has(name)) builder.skip()
      else if (inline.has(name)) for (const child of node.children) walk(child)
      else {
        builder.separate()
        for (const child of node.children) walk(child)
        builder.separate()
      }
    }
  }

  walk(tree)
  return builder.build()
}
