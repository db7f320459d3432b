// Compiling validated glossary files into the matcher's form list: template expansion ({class}),
// inflection, case sensitivity, and the cross-file checks (duplicate ids, one variant in two entries,
// a variant equal to its canonical, unknown classes).

import type {CompiledContext, CompiledForm, CompiledGlossary, CompiledRule, ContextList} from './compiled.js'
import {GlossaryError, GlossaryErrors} from './errors.js'
import {inflectForms, inflectPair, type Irregulars} from './inflect.js'
import {phraseWords, tokenize} from '../match/tokenize.js'
import type {RawEntry, RawGlossaryFile} from './types.js'
import {validateFile, type ValidateOptions} from './validate.js'

/** A glossary file to compile: its display name (e.g. `news/institutions.yml`) and its content. */
export interface NamedGlossary {
  name: string
  raw: RawGlossaryFile
}

export interface CompileOptions extends ValidateOptions {
  irregulars: Irregulars
  /** word classes defined outside the compiled files (e.g. lexicon/classes.yml) */
  classes?: Record<string, string[]>
}

const placeholder = /\{([a-z0-9-]+)\}/g
const maxTemplateForms = 2000

const titleCase = (word: string) => word.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
const hasCapital = (text: string) => /\p{Lu}/u.test(text)

/** Expand `{class}` placeholders: the same member in variant and canonical. */
function expandTemplates(
  variant: string,
  canonical: string,
  classes: Record<string, string[]>,
  fail: (reason: string) => void
): Array<[string, string]> {
  const names = [...new Set([...variant.matchAll(placeholder)].map((m) => m[1]!))]
  let pairs: Array<[string, string]> = [[variant, canonical]]
  for (const name of names) {
    const members = classes[name]
    if (!members) {
      fail(`unknown class {${name}}`)
      return []
    }
    const next: Array<[string, string]> = []
    for (const [v, c] of pairs)
      for (const member of members) {
        const m = hasCapital(variant.replace(placeholder, '')) ? titleCase(member) : member
        next.push([v.split(`{${name}}`).join(m), c.split(`{${name}}`).join(m)])
      }
    pairs = next
    if (pairs.length > maxTemplateForms) {
      fail(`templates expand to more than ${maxTemplateForms} forms`)
      return []
    }
  }
  for (const m of canonical.matchAll(placeholder))
    if (!names.includes(m[1]!)) fail(`canonical uses {${m[1]}} which the variant does not`)
  return pairs
}

/** Compile a context list, checking class references. */
function compileContextList(items: string[], classes: Record<string, string[]>, fail: (r: string) => void): ContextList {
  return items.map((item) => {
    // literal words get the same key as text tokens ("U.S." → "u.s"); @class, *suffix and <punct> stay
    const patterns = item
      .trim()
      .toLowerCase()
      .replace(/’/g, "'")
      .split(/\s+/)
      .map((p) => (/^[@<]|[*?]/.test(p) ? p : phraseWords(p).length === 1 ? phraseWords(p)[0]! : p))
    for (const p of patterns) {
      if (p.startsWith('@') && !classes[p.slice(1)]) fail(`context uses unknown class ${p}`)
      if (p === '<punct>' && patterns.length > 1) fail('`<punct>` must stand alone in a context item')
    }
    return patterns
  })
}

function compileContext(entry: RawEntry, classes: Record<string, string[]>, fail: (r: string) => void): CompiledContext | undefined {
  if (!entry.context) return undefined
  const out: CompiledContext = {}
  for (const key of ['before', 'notBefore', 'after', 'notAfter'] as const) {
    const list = entry.context[key]
    if (list) out[key] = compileContextList(list, classes, fail)
  }
  return out
}

/** Compile files into one glossary. Throws GlossaryErrors listing every problem found. */
export function compileGlossaries(files: NamedGlossary[], options: CompileOptions): CompiledGlossary {
  const errors: GlossaryError[] = []
  const classes: Record<string, string[]> = {...options.classes}
  const validated: Array<{name: string; entries: RawEntry[]}> = []
  for (const {name, raw} of files) {
    const result = validateFile(raw, name, options)
    errors.push(...result.errors)
    validated.push({name, entries: result.entries})
    for (const [className, members] of Object.entries(raw.classes ?? {})) {
      if (classes[className] && options.classes?.[className] === undefined && files.some((f) => f.name !== name && f.raw.classes?.[className]))
        errors.push(new GlossaryError(name, undefined, `class \`${className}\` is defined in more than one file`))
      if (Array.isArray(members)) classes[className] = members.map((m) => String(m).toLowerCase())
    }
  }

  const rules: CompiledRule[] = []
  const forms: CompiledForm[] = []
  const ids = new Map<string, string>()
  const seen = new Map<string, {rule: number; listed: boolean}>()

  for (const {name, entries} of validated) {
    for (const entry of entries) {
      const fail = (reason: string) => errors.push(new GlossaryError(name, entry.id, reason))
      if (ids.has(entry.id)) {
        fail(`duplicate id (also in ${ids.get(entry.id)})`)
        continue
      }
      ids.set(entry.id, name)
      const ruleIndex = rules.length
      const context = compileContext(entry, classes, fail)
      rules.push({
        id: entry.id,
        file: name,
        tier: entry.tier,
        canonical: entry.canonical,
        note: entry.note ?? '',
        source: entry.source ?? '',
        ...(context ? {context} : {})
      })
      const listed = new Map<string, string>()
      for (const variant of entry.variants) {
        const listedKey = variant.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
        const twin = listed.get(listedKey)
        if (twin !== undefined)
          fail(twin === variant ? `variant "${variant}" is listed twice` : `variants "${twin}" and "${variant}" differ only in case: a lower-case variant already matches every casing, and one with capitals matches only its own`)
        listed.set(listedKey, variant)
        const caseSensitive = hasCapital(variant.replace(placeholder, ''))
        for (const [baseVariant, baseCanonical] of expandTemplates(variant.trim(), entry.canonical.trim(), classes, fail)) {
          const pairs: Array<[string, string, boolean]> = [[baseVariant, baseCanonical, true]]
          for (const [v, c] of inflectPair(baseVariant, baseCanonical, inflectForms(entry.inflect), options.irregulars))
            pairs.push([v, c, false])
          for (const [v, c, isListed] of pairs) {
            const words = phraseWords(v)
            if (words.length === 0) {
              fail(`variant "${v}" has no words`)
              continue
            }
            if (words.join(' ') === phraseWords(c).join(' ')) {
              if (isListed) fail(`variant "${v}" equals its canonical`)
              continue
            }
            const exact = caseSensitive ? exactWords(v) : undefined
            const key = words.join(' ') + (exact ? '|' + exact.join(' ') : '')
            const previous = seen.get(key)
            if (previous !== undefined) {
              if (previous.rule !== ruleIndex) {
                const other = rules[previous.rule]!
                fail(`variant "${v}" is also in ${other.file} (${other.id})`)
              }
              continue
            }
            seen.set(key, {rule: ruleIndex, listed: isListed})
            forms.push({rule: ruleIndex, words, ...(exact ? {exact} : {}), canonical: c})
          }
        }
      }
    }
  }
  if (errors.length > 0) throw new GlossaryErrors(errors)
  return {version: 1, rules, forms, classes}
}

/** Words of a case-sensitive variant as written (apostrophes and hyphens unified). */
export function exactWords(phrase: string): string[] {
  const unified = phrase.replace(/[’ʼ]/g, "'").replace(/[‐‑]/g, '-')
  return tokenize(unified).map((t) => unified.slice(t.start, t.end))
}

/**
 * Compile, leaving out every entry (or file, for file-level problems) that has an error, and return
 * the problems instead of throwing. Used at run time on an unbuilt or half-edited dictionaries/ folder;
 * the build itself stays strict.
 */
export function compileLeniently(files: NamedGlossary[], options: CompileOptions): {glossary: CompiledGlossary; errors: GlossaryError[]} {
  const excluded = new Set<string>()
  const errors: GlossaryError[] = []
  for (;;) {
    const kept = files
      .filter(({name}) => !excluded.has(name + '\0'))
      .map(({name, raw}) => ({name, raw: {...raw, entries: (raw.entries ?? []).filter((e) => !excluded.has(name + '\0' + e?.id))}}))
    try {
      return {glossary: compileGlossaries(kept, options), errors}
    } catch (error) {
      if (!(error instanceof GlossaryErrors)) throw error
      const before = excluded.size
      for (const problem of error.errors) {
        errors.push(problem)
        excluded.add(problem.file + '\0' + (problem.id ?? ''))
      }
      if (excluded.size === before) throw error
    }
  }
}
