// The engine's fixture glossary (test/fixtures/glossary/basic.yml) plus one entry whose replacement holds
// markup characters, as a stand-in for loadGlossary in the markdown and HTML tests, so their results do not
// move with dictionaries/.
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'
import {compileGlossaries} from '../../src/glossary/compile.js'
import {prepareGlossary} from '../../src/glossary/loaded.js'

const read = (path: string) => parse(readFileSync(path, 'utf8'))

const loaded = prepareGlossary(
  compileGlossaries(
    [
      {name: 'basic.yml', raw: read('test/fixtures/glossary/basic.yml')},
      // a user's entry whose replacement holds markup characters
      {
        name: 'markup.yml',
        raw: {topic: 'markup', entries: [{id: 't-markup', canonical: 'R&D <*lab*> &amp;', variants: ['research lab thing'], tier: 'certain'}]}
      }
    ],
    {
      irregulars: read('dictionaries/lexicon/irregular.yml'),
      classes: read('dictionaries/lexicon/classes.yml').classes
    }
  )
)

/** The module shape vi.mock needs for src/glossary/load.js. */
export const fixtureLoadModule = {loadGlossary: () => ({loaded, rejected: []})}
