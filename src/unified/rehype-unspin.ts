// The rehype plugin: repairs spun prose in an HTML tree's text nodes (never script, style, code, pre,
// textarea, template or attributes), reports one standard vfile message per restoration with
// positions into the HTML source, and edits the text nodes so the pipeline outputs the repair.

import type {Root} from 'hast'
import type {Plugin} from 'unified'
import type {Options} from '../analyze.js'
import {editLeaves, reportLocated} from './apply-located.js'
import {htmlView} from './html-view.js'
import {locateChanges} from './locate-changes.js'

export type {Options} from '../analyze.js'

/**
 * rehype plugin: restore spun phrases (`<!-- unspin-disable [ids] -->` / `<!-- unspin-enable [ids] -->`
 * switch it off and on). The evidence gate is per document.
 */
const rehypeUnspin: Plugin<[(Readonly<Options> | null | undefined)?], Root> = function (options) {
  const settings = options ?? {}
  return function (tree, file) {
    const source = file.value === undefined ? undefined : String(file)
    const {located} = locateChanges(htmlView(tree, source), settings)
    reportLocated(file, located)
    editLeaves(located)
  }
}

export default rehypeUnspin
