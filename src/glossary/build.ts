// The glossary build: compile dictionaries/, spell-check every canonical form, run every example as a
// test, then write dist/glossary.json, its precompiled automaton (dist/glossary.automaton.bin) and the
// docs/glossary.md table. Any problem fails the build
// with the file, the entry id and the reason.

import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import type {CompiledGlossary} from './compiled.js'
import {compileGlossaries} from './compile.js'
import {readDictionaryTree, readLexicon} from './dictionaries.js'
import {GlossaryError, GlossaryErrors} from './errors.js'
import {automatonPath, prepareGlossary} from './loaded.js'
import {createSpellChecker} from './spellcheck.js'
import {encodeSavedGlossary} from './saved-file.js'
import {findChanges} from '../match/find.js'
import {applyFixes} from '../fix/apply-fixes.js'
import type {RawEntry} from './types.js'

export interface BuildReport {
  files: number
  entries: number
  forms: number
  byFileTier: Array<{file: string; topic: string; certain: number; contextual: number}>
  examples: number
}

/** Restore `text` with the glossary, gate forced open (how examples are tested). */
function restore(glossary: ReturnType<typeof prepareGlossary>, text: string) {
  const {changes} = findChanges(text, glossary, {gate: 'open'})
  const {output} = applyFixes(text, changes.map((c) => ({range: [c.start, c.end] as const, text: c.expected})))
  return {output, changes}
}

/** Check examples: each spun sentence restored exactly (using this entry), each clean one untouched. */
export function checkExamples(glossary: ReturnType<typeof prepareGlossary>, files: Array<{name: string; entries: RawEntry[]}>): {errors: GlossaryError[]; count: number} {
  const errors: GlossaryError[] = []
  let count = 0
  for (const {name, entries} of files)
    for (const entry of entries)
      for (const example of entry.examples ?? []) {
        count++
        if ('clean' in example) {
          const {output, changes} = restore(glossary, example.clean)
          if (output !== example.clean)
            errors.push(new GlossaryError(name, entry.id, `clean example changed: "${example.clean}" → "${output}" (by ${changes.map((c) => c.ruleId).join(', ')})`))
        } else {
          const {output, changes} = restore(glossary, example.spun)
          if (!changes.some((c) => c.ruleId === entry.id))
            errors.push(new GlossaryError(name, entry.id, `example not matched by this entry: "${example.spun}"` + (changes.length ? ` (matched by ${changes.map((c) => c.ruleId).join(', ')})` : '')))
          else if (output !== example.restored)
            errors.push(new GlossaryError(name, entry.id, `example restored as "${output}", expected "${example.restored}"`))
        }
      }
  return {errors, count}
}

/** A canonical form must not itself contain a certain artifact (restoring must not create new evidence). */
export function checkCanonicalsClean(glossary: ReturnType<typeof prepareGlossary>): GlossaryError[] {
  const errors: GlossaryError[] = []
  const seen = new Set<string>()
  for (const form of glossary.compiled.forms) {
    if (seen.has(form.canonical)) continue
    seen.add(form.canonical)
    const {changes} = findChanges(form.canonical, glossary, {gate: 'closed'})
    if (changes.length > 0) {
      const rule = glossary.compiled.rules[form.rule]!
      errors.push(new GlossaryError(rule.file, rule.id, `canonical "${form.canonical}" contains the certain artifact "${changes[0]!.actual}" of ${changes[0]!.ruleId}`))
    }
  }
  return errors
}

/** Build the bundled glossary from `root` (dictionaries/) into `out` (dist/glossary.json). */
export function buildGlossary(root: string, out: string, docs?: string): BuildReport {
  const lexicon = readLexicon(root)
  const files = readDictionaryTree(root)
  const compiled: CompiledGlossary = {
    ...compileGlossaries(files, {irregulars: lexicon.irregulars, classes: lexicon.classes, strict: true}),
    irregulars: lexicon.irregulars
  }
  const errors: GlossaryError[] = []
  const spell = createSpellChecker(lexicon.words)
  const checked = new Set<string>()
  for (const form of compiled.forms) {
    if (checked.has(form.canonical)) continue
    checked.add(form.canonical)
    const bad = spell(form.canonical)
    if (bad.length > 0) {
      const rule = compiled.rules[form.rule]!
      errors.push(new GlossaryError(rule.file, rule.id, `canonical "${form.canonical}" has words the spell check rejects: ${bad.join(', ')} (add proper nouns to lexicon/words-*.txt)`))
    }
  }
  const glossary = prepareGlossary(compiled)
  errors.push(...checkCanonicalsClean(glossary))
  const examples = checkExamples(glossary, files.map((f) => ({name: f.name, entries: f.raw.entries ?? []})))
  errors.push(...examples.errors)
  if (errors.length > 0) throw new GlossaryErrors(errors)

  mkdirSync(dirname(out), {recursive: true})
  const json = JSON.stringify(compiled)
  writeFileSync(out, json)
  writeFileSync(automatonPath(out), encodeSavedGlossary(compiled, glossary.automaton.parts(), Buffer.byteLength(json)))
  const byFileTier = files.map((f) => ({
    file: f.name,
    topic: f.raw.topic,
    certain: (f.raw.entries ?? []).filter((e) => e.tier === 'certain').length,
    contextual: (f.raw.entries ?? []).filter((e) => e.tier === 'contextual').length
  }))
  const report: BuildReport = {files: files.length, entries: compiled.rules.length, forms: compiled.forms.length, byFileTier, examples: examples.count}
  if (docs) writeFileSync(docs, glossaryTable(report))
  return report
}

/** The docs/glossary.md table: entries per file and tier. */
export function glossaryTable(report: BuildReport): string {
  const rows = report.byFileTier.map((r) => `| \`${r.file}\` | ${r.topic} | ${r.certain} | ${r.contextual} | ${r.certain + r.contextual} |`)
  const sum = (pick: (r: BuildReport['byFileTier'][number]) => number, prefix: string) =>
    report.byFileTier.filter((r) => r.file.startsWith(prefix)).reduce((n, r) => n + pick(r), 0)
  const total = (prefix: string, label: string) =>
    `| **${label}** | | ${sum((r) => r.certain, prefix)} | ${sum((r) => r.contextual, prefix)} | ${sum((r) => r.certain + r.contextual, prefix)} |`
  return [
    '# Glossary contents',
    '',
    '<!-- generated by `npm run build` (src/glossary/build.ts); do not edit by hand -->',
    '',
    `${report.entries} entries in ${report.files} files, expanding to ${report.forms} spun forms (templates and inflections); ${report.examples} examples run as tests.`,
    '',
    '| file | topic | certain | contextual | entries |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
    total('news/', 'news family'),
    total('science/', 'science (tortured phrases)'),
    total('', 'all'),
    ''
  ].join('\n')
}

/** Entry point used by scripts/build-glossary.mjs. */
export function runBuild(packageDir: string): BuildReport {
  return buildGlossary(join(packageDir, 'dictionaries'), join(packageDir, 'dist', 'glossary.json'), join(packageDir, 'docs', 'glossary.md'))
}
