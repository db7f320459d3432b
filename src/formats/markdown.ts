// Markdown documents: parsed with remark (GFM tables and autolinks, YAML/TOML front matter) to find the
// prose, then the restorations are applied to the original source at verified offsets, so a scraped
// article keeps its exact formatting byte for byte.

import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {Options} from '../analyze.js'
import {locateChanges} from '../unified/locate-changes.js'
import {markdownView} from '../unified/markdown-view.js'
import type {DocumentResult} from './document.js'
import {locatedResult} from './located-result.js'

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze()

/** Replacement text as markdown: punctuation that could start markup is backslash-escaped. */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<|]|&(?=#?\w+;)/g, '\\$&')

/** Restore a markdown document. */
export function analyzeMarkdown(source: string, options: Readonly<Options> = {}): DocumentResult {
  if (typeof source !== 'string') throw new TypeError('unspin: expected a string')
  const tree = parser.parse(new VFile(source)) as Root
  return locatedResult(source, locateChanges(markdownView(tree, source), options), escapeMarkdown)
}
