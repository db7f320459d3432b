// Loading glossaries at run time: the bundled one (precompiled dist/glossary.json with its automaton,
// or compiled from dictionaries/ when that is missing or stale) plus users' own files, merged and
// cached per set.

import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {basename, extname, join, resolve} from 'node:path'
import type {CompiledGlossary} from './compiled.js'
import {compileGlossaries, compileLeniently, type NamedGlossary} from './compile.js'
import {packageRoot, readDictionaryTree, readLexicon} from './dictionaries.js'
import {GlossaryError} from './errors.js'
import {automatonPath, prepareGlossary, restoreGlossary, type LoadedGlossary} from './loaded.js'
import {decodeSavedGlossary, type SavedGlossary} from './saved-file.js'
import {parsePpsCsv} from './formats/pps-csv.js'
import {parseTsv} from './formats/tsv.js'
import {parseGlossaryText} from './read.js'
import type {ImportResult, RawGlossaryFile} from './types.js'

export interface GlossaryOptions {
  /** users' glossary files: project YAML/JSON, PPS CSV export (.csv) or two-column TSV (.tsv) */
  glossaries?: readonly string[]
  /** include the bundled glossary (default true) */
  bundled?: boolean
}

/** Rows of users' CSV/TSV glossaries that could not be used, with the reason. */
export type RejectedRows = Array<ImportResult['rejected'][number] & {file: string}>

/** Foreign glossary formats, by file extension. */
const importers: Record<string, (text: string, options: {file: string}) => ImportResult> = {
  '.csv': parsePpsCsv,
  '.tsv': parseTsv
}

let bundled: CompiledGlossary | undefined
/** the bundled glossary ready to match, restored from the build's saved file when it is fresh */
let bundledReady: LoadedGlossary | undefined
const cache = new Map<string, {loaded: LoadedGlossary; rejected: RejectedRows}>()

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/** Compile the bundled dictionaries/ from source (used by the build, and when no fresh build exists). */
export function compileBundled(root = join(packageRoot(), 'dictionaries')): CompiledGlossary {
  const lexicon = readLexicon(root)
  const compiled = compileGlossaries(readDictionaryTree(root), {
    irregulars: lexicon.irregulars,
    classes: lexicon.classes,
    strict: true
  })
  return {...compiled, irregulars: lexicon.irregulars}
}

/** Whether the build's output `built` exists and is newer than every file of `source`. */
const isFresh = (built: string, source: string) => existsSync(built) && statSync(built).mtimeMs >= newestMtime(source)

/**
 * The build's output (`built`: dist/glossary.json) when it is newer than every file of `source`;
 * undefined when missing, stale or unreadable (with a warning), so that the caller compiles the source.
 */
export function readBuiltGlossary(built: string, source: string): CompiledGlossary | undefined {
  if (!isFresh(built, source)) return undefined
  try {
    const compiled = JSON.parse(readFileSync(built, 'utf8')) as CompiledGlossary
    if (!Array.isArray(compiled.rules) || !Array.isArray(compiled.forms)) throw new Error('not a compiled glossary')
    return compiled
  } catch (error) {
    process.emitWarning(`${built} is unreadable (${(error as Error).message}); compiling ${source} instead (run \`npm run build\`)`)
    return undefined
  }
}

/**
 * The automaton and records the build saved beside `built` (saved-file.ts), when `built` is fresh and
 * the file belongs to it; undefined otherwise (the caller then loads the JSON: slower, same result).
 */
export function readSavedGlossary(built: string, source: string): SavedGlossary | undefined {
  const saved = automatonPath(built)
  if (!existsSync(saved) || !isFresh(built, source)) return undefined
  return decodeSavedGlossary(readFileSync(saved), statSync(built).size)
}

const bundledPaths = () => ({built: join(packageRoot(), 'dist', 'glossary.json'), source: join(packageRoot(), 'dictionaries')})

/** The bundled glossary, compiled once per process. */
export function bundledGlossary(): CompiledGlossary {
  if (bundled) return bundled
  const {built, source} = bundledPaths()
  const read = readBuiltGlossary(built, source)
  if (read) {
    bundled = read
    return bundled
  }
  // no fresh build: compile the source, skipping broken entries (`npm run build` reports them)
  const lexicon = readLexicon(source)
  const unreadable: GlossaryError[] = []
  const files = readDictionaryTree(source, (error) => unreadable.push(error))
  const compiled = compileLeniently(files, {irregulars: lexicon.irregulars, classes: lexicon.classes})
  const errors = [...unreadable, ...compiled.errors]
  const glossary = compiled.glossary
  if (errors.length > 0)
    process.emitWarning(`${errors.length} glossary problem(s) in ${source}; those entries are skipped (run \`npm run build\` for details)`)
  bundled = {...glossary, irregulars: lexicon.irregulars}
  return bundled
}

/** The bundled glossary ready to match: from the build's saved file when fresh (nothing parsed up front), else prepared from bundledGlossary(). */
function bundledLoaded(): LoadedGlossary {
  if (bundledReady) return bundledReady
  const {built, source} = bundledPaths()
  const saved = readSavedGlossary(built, source)
  bundledReady = saved ? restoreGlossary(saved, bundledGlossary) : prepareGlossary(bundledGlossary())
  return bundledReady
}

/** An empty glossary carrying the bundled lexicon (classes, irregular forms), for `bundled: false`. */
function lexiconOnly(): CompiledGlossary {
  const lexicon = readLexicon(join(packageRoot(), 'dictionaries'))
  return {version: 1, rules: [], forms: [], classes: lexicon.classes, irregulars: lexicon.irregulars}
}

/** Read a user's glossary file in any supported format. */
export function readUserGlossary(path: string): {raw: RawGlossaryFile; rejected: RejectedRows} {
  const name = basename(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new GlossaryError(name, undefined, `cannot read: ${(error as Error).message}`)
  }
  const extension = extname(path).toLowerCase()
  if (importers[extension]) {
    const result = importers[extension]!(text, {file: name})
    return {
      raw: {topic: `imported from ${name}`, entries: result.entries},
      rejected: result.rejected.map((row) => ({...row, file: name}))
    }
  }
  return {raw: parseGlossaryText(text, name), rejected: []}
}

/** Merge users' compiled entries over the bundled ones: a user variant replaces a bundled one. */
function merge(base: CompiledGlossary, user: CompiledGlossary): CompiledGlossary {
  const key = (words: string[], exact?: string[]) => words.join(' ') + (exact ? '|' + exact.join(' ') : '')
  const overridden = new Set(user.forms.map((f) => key(f.words, f.exact)))
  const offset = base.rules.length
  return {
    version: 1,
    rules: [...base.rules, ...user.rules],
    forms: [
      ...base.forms.filter((f) => !overridden.has(key(f.words, f.exact))),
      ...user.forms.map((f) => ({...f, rule: f.rule + offset}))
    ],
    classes: {...base.classes, ...user.classes},
    ...(base.irregulars ? {irregulars: base.irregulars} : {})
  }
}

/** Load (and cache) the glossary set described by `options`. Throws GlossaryErrors on a broken file. */
export function loadGlossary(options: GlossaryOptions = {}): {loaded: LoadedGlossary; rejected: RejectedRows} {
  const paths = (options.glossaries ?? []).map((p) => resolve(p))
  const withBundled = options.bundled !== false
  const cacheKey = JSON.stringify([withBundled, paths.map((p) => [p, existsSync(p) ? statSync(p).mtimeMs : 0])])
  const hit = cache.get(cacheKey)
  if (hit) return hit
  if (withBundled && paths.length === 0) {
    const result = {loaded: bundledLoaded(), rejected: []}
    cache.set(cacheKey, result)
    return result
  }
  const base = withBundled ? bundledGlossary() : lexiconOnly()
  let compiled: CompiledGlossary = base
  const rejected: RejectedRows = []
  if (paths.length > 0) {
    const files: NamedGlossary[] = paths.map((path) => {
      const read = readUserGlossary(path)
      rejected.push(...read.rejected)
      return {name: path, raw: read.raw}
    })
    const user = compileGlossaries(files, {irregulars: base.irregulars ?? {verbs: {}, nouns: {}}, classes: base.classes})
    compiled = merge(compiled, user)
  }
  const result = {loaded: prepareGlossary(compiled), rejected}
  cache.set(cacheKey, result)
  return result
}
