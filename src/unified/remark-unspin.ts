// The remark plugin: repairs spun prose in a markdown tree (paragraphs, headings, lists, block quotes,
// table cells, emphasis and link text), reports one standard vfile message per restoration with
// positions into the markdown source, and edits the text nodes so the pipeline outputs the repair.
// Code, inline code, HTML, URLs, definitions, images and front matter are never touched.

import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import type {Options} from '../analyze.js'
import {editLeaves, reportLocated} from './apply-located.js'
import {locateChanges} from './locate-changes.js'
import {markdownView} from './markdown-view.js'

export type {Options} from '../analyze.js'

/**
 * remark plugin: restore spun phrases (`<!-- unspin-disable [ids] -->` / `<!-- unspin-enable [ids] -->`
 * switch it off and on). The evidence gate is per document.
 */
const remarkUnspin: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options ?? {}
  return function (tree, file) {
    const source = file.value === undefined ? undefined : String(file)
    const {located} = locateChanges(markdownView(tree, source), settings)
    reportLocated(file, located)
    editLeaves(located)
  }
}

export default remarkUnspin
