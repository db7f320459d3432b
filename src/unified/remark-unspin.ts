// The remark plugin: repairs spun prose in a markdown tree (paragraphs, headings, lists, block quotes,
// table cells, emphasis and link text), reports one standard vfile message per restoration with
// positions into the markdown source, and edits the text nodes so the pipeline outputs the repair.
// Code, inline code, HTML, URLs, definitions, images and front matter are never touched.

import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import type {Options} from '../analyze.js'
import {editLeaves, reportLocated} from './apply-located.js'
import {locateChanges} from './locate-changes.js'
import {markdownView} from './markdown-view.js'

export type {Options} from '../analyze.js'

/**
 * remark plugin: restore spun phrases (`<!-- unspin-disable [ids] -->` / `<!-- unspin-enable [ids] -->`
 * switch it off and on). The evidence gate is per document.
 */
export default function remarkUnspin(options?: Readonly<Options> | null) {
  const settings = options ?? {}
  return function (tree: Root, file: VFile): undefined {
    const source = file.value === undefined ? undefined : String(file)
    const {located} = locateChanges(markdownView(tree, source), settings)
    reportLocated(file, located)
    editLeaves(located)
  }
}
