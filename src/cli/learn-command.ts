// `unspin learn`: propose glossary entries from parallel text — spun files beside their originals —
// by word-level alignment (src/learn/). Prints a glossary file in the project's YAML format to review.

import {readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parseArgs} from 'node:util'
import {shippedCollocations} from '../discover/shipped.js'
import {loadGlossary} from '../glossary/load.js'
import {proposeEntries, type ParallelPair} from '../learn/propose.js'
import {glossaryYaml, proposalsToEntries} from '../learn/to-yaml.js'

const usage = `Usage: unspin learn --spun PATH --original PATH [options]

Align spun text with its original at word level and propose glossary entries
(variant, canonical, counts, example sentences) as YAML, ready to review.
PATH is a file, or a folder: files are paired by name (a.txt with a.txt, and
a.spun.txt with a.original.txt, so both may live in one folder).

Options:
  --out FILE          write the YAML to FILE instead of standard output
  --min-count N       keep proposals seen at least N times (default 1)
  --max-words N       longest variant or canonical in words (default 6)
  --include-known     keep proposals the bundled glossary already restores
  -h, --help          show this help

Exit codes: 0 done, 2 bad input or usage.`

/** Pair name without a .spun / .original infix. */
const pairKey = (name: string) => name.replace(/\.(spun|original)(?=\.[^.]+$|$)/, '')

function listFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true})
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort()
}

/** The pairs named by --spun and --original. */
function readPairs(spunPath: string, originalPath: string): ParallelPair[] {
  const spunIsDir = statSync(spunPath).isDirectory()
  const originalIsDir = statSync(originalPath).isDirectory()
  if (!spunIsDir && !originalIsDir)
    return [{name: basename(spunPath), spun: readFileSync(spunPath, 'utf8'), original: readFileSync(originalPath, 'utf8')}]
  if (spunIsDir !== originalIsDir) throw new Error('--spun and --original must both be files or both be folders')
  const originals = new Map<string, string>()
  for (const name of listFiles(originalPath)) if (!/\.spun(\.[^.]+)?$/.test(name)) originals.set(pairKey(name), name)
  const pairs: ParallelPair[] = []
  for (const name of listFiles(spunPath)) {
    if (/\.original(\.[^.]+)?$/.test(name)) continue
    const match = originals.get(pairKey(name))
    if (!match || (spunPath === originalPath && match === name)) continue
    pairs.push({name, spun: readFileSync(join(spunPath, name), 'utf8'), original: readFileSync(join(originalPath, match), 'utf8')})
  }
  if (pairs.length === 0) throw new Error(`no files in ${spunPath} have a counterpart of the same name in ${originalPath}`)
  return pairs
}

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`)
  return n
}

/** Run `unspin learn` with its arguments (after the word `learn`); returns the exit code. */
export async function runLearn(argv: string[]): Promise<number> {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        spun: {type: 'string'},
        original: {type: 'string'},
        out: {type: 'string'},
        'min-count': {type: 'string'},
        'max-words': {type: 'string'},
        'include-known': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    }).values
  } catch (error) {
    process.stderr.write(`unspin learn: ${(error as Error).message}\n\n${usage}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (!values.spun || !values.original) {
    process.stderr.write(`unspin learn: give --spun and --original\n\n${usage}\n`)
    return 2
  }
  try {
    const minCount = positiveInteger(values['min-count'], 'min-count', 1)
    const maxWords = positiveInteger(values['max-words'], 'max-words', 6)
    const pairs = readPairs(values.spun, values.original)
    const all = proposeEntries(pairs, {maxWords, glossary: loadGlossary().loaded, collocations: shippedCollocations()})
    const kept = all.filter((p) => p.count >= minCount && (values['include-known'] || !p.known))
    const yaml = glossaryYaml(proposalsToEntries(kept))
    if (values.out) writeFileSync(values.out, yaml)
    else process.stdout.write(yaml)
    const known = all.filter((p) => p.known).length
    process.stderr.write(
      `unspin learn: ${kept.length} proposal${kept.length === 1 ? '' : 's'} from ${pairs.length} pair${pairs.length === 1 ? '' : 's'}` +
        ` (${known} already in the glossary${values['include-known'] ? ', kept' : ', left out'})\n`
    )
    return 0
  } catch (error) {
    process.stderr.write(`unspin learn: ${(error as Error).message}\n`)
    return 2
  }
}
