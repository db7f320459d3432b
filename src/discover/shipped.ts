// The collocation statistics shipped with the package (data/collocations/en.bin), read once per process
// on first use and inflated section by section: the spin score needs only its pair index (vocabulary and
// bigrams), discovery the whole store.

import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../glossary/dictionaries.js'
import {Collocations} from './collocations.js'
import {CollocationFile} from './collocations-codec.js'
import type {PairIndex} from './pair-index.js'

let file: CollocationFile | undefined
let shipped: Collocations | undefined
let pairs: PairIndex | undefined

export const shippedCollocationsPath = () => join(packageRoot(), 'data', 'collocations', 'en.bin')

const shippedFile = () => (file ??= new CollocationFile(readFileSync(shippedCollocationsPath())))

/** The shipped collocation store (decoded on first call). */
export function shippedCollocations(): Collocations {
  shipped ??= new Collocations(shippedFile().data())
  return shipped
}

/** The shipped statistics' pair index for the spin score (words seen at least 3 times; built on first call). */
export function shippedPairIndex(): PairIndex {
  pairs ??= shipped?.pairIndex() ?? shippedFile().pairIndex(3)
  return pairs
}
