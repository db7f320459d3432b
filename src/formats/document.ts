// The result of restoring one whole document in any format (plain text, markdown, HTML): the
// output, the changes applied (offsets into the original source) and those reported but not fixable.

import type {Analysis} from '../analyze.js'
import type {Change} from '../match/find.js'

export interface DocumentResult {
  /** the restored document: the source with the fixable changes applied, byte-identical elsewhere */
  output: string
  /** changes applied, offsets into the source */
  changes: Change[]
  /** artifacts found but left alone (split across markup, or the source did not match at that offset) */
  unfixable: Change[]
  score: Analysis['score']
  spun: Analysis['spun']
  evidence: Analysis['evidence']
}
