// HTML documents: parsed with rehype to find the prose, then the restorations are applied to the
// original source at verified offsets (character references make positions drift), byte-identical
// everywhere else.

import type {Root} from 'hast'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {Options} from '../analyze.js'
import {htmlView} from '../unified/html-view.js'
import {locateChanges} from '../unified/locate-changes.js'
import type {DocumentResult} from './document.js'
import {locatedResult} from './located-result.js'

const parser = unified().use(rehypeParse).freeze()

/** Replacement text as HTML text content. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Restore an HTML document (a whole page or a fragment). */
export function analyzeHtml(source: string, options: Readonly<Options> = {}): DocumentResult {
  if (typeof source !== 'string') throw new TypeError('unspin: expected a string')
  const tree = parser.parse(new VFile(source)) as Root
  return locatedResult(source, locateChanges(htmlView(tree, source), options), escapeHtml)
}
