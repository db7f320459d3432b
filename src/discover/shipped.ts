// The collocation statistics shipped with the package (data/collocations/en.bin.gz), loaded once per
// process on first use — only discovery and the spin score's n-gram signal need them.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../glossary/dictionaries.js'
import {Collocations} from './collocations.js'
import {decodeCollocations} from './collocations-codec.js'

let shipped: Collocations | undefined

export const shippedCollocationsPath = () => join(packageRoot(), 'data', 'collocations', 'en.bin.gz')

/** The shipped collocation store (decoded on first call). */
export function shippedCollocations(): Collocations {
  shipped ??= new Collocations(decodeCollocations(readFileSync(shippedCollocationsPath())))
  return shipped
}
