// The project's dictionaries/ folder on disk: finding it, listing its glossary files (one topic per
// file) and reading its lexicon (word classes, irregular forms, spell-check word lists).

import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseYaml} from './yaml.js'
import type {NamedGlossary} from './compile.js'
import type {Irregulars} from './inflect.js'
import {GlossaryError} from './errors.js'
import {readGlossaryFile} from './read.js'

/** The package root (the folder holding unspin's package.json), from this module's location. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dictionaries'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error('unspin: cannot find the package root (dictionaries/ is missing)')
    dir = parent
  }
}

export interface Lexicon {
  classes: Record<string, string[]>
  irregulars: Irregulars
  /** extra words the spell check accepts */
  words: string[]
}

function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(path, accept))
    else if (accept(entry.name)) out.push(path)
  }
  return out
}

/** Read the lexicon under dictionaries/lexicon. */
export function readLexicon(root: string): Lexicon {
  const dir = join(root, 'lexicon')
  const classesFile = parseYaml(readFileSync(join(dir, 'classes.yml'), 'utf8')) as {classes?: Record<string, string[]>}
  const irregularFile = parseYaml(readFileSync(join(dir, 'irregular.yml'), 'utf8')) as {
    verbs?: Record<string, [string, string, string, string]>
    nouns?: Record<string, string>
  }
  const words = listFiles(dir, (name) => /^words-.*\.txt$/.test(name)).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  )
  return {
    classes: classesFile.classes ?? {},
    irregulars: {verbs: irregularFile.verbs ?? {}, nouns: irregularFile.nouns ?? {}},
    words
  }
}

/**
 * Every glossary file under `root` except the lexicon, named by their path relative to `root`.
 * A file that cannot be read or parsed throws, unless `skip` is given: then it is reported there and left out.
 */
export function readDictionaryTree(root: string, skip?: (error: GlossaryError) => void): NamedGlossary[] {
  const out: NamedGlossary[] = []
  for (const path of listFiles(root, (name) => /\.(ya?ml|json)$/.test(name))) {
    if (relative(root, path).startsWith('lexicon' + sep)) continue
    const name = relative(root, path).split(sep).join('/')
    try {
      out.push({name, raw: readGlossaryFile(path, name)})
    } catch (error) {
      if (!skip || !(error instanceof GlossaryError)) throw error
      skip(error)
    }
  }
  return out
}
