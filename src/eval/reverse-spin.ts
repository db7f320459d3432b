// Reverse spinning: turning clean text into spun text with the glossary run backwards (canonical → one
// of its variants), deterministically from a seed, so that benchmarks and evaluations can build large
// spun corpora with known artifacts. Every artifact kept is one the matcher restores exactly (checked by
// running findChanges on the result with the gate open); the gold-TSV writer emits rows in the seed
// annotation's format (line, level, spun, restorations).

import type {CompiledGlossary, CompiledForm} from '../glossary/compiled.js'
import {prepareGlossary, type LoadedGlossary} from '../glossary/loaded.js'
import type {Tier} from '../glossary/types.js'
import {restoreCasing} from '../match/casing.js'
import {findChanges} from '../match/find.js'
import {normalizeWord, phraseWords, tokenize, type Token} from '../match/tokenize.js'

export interface SpinOptions {
  /** probability that a canonical phrase found in the text is spun (default 0.5) */
  rate?: number
  /** PRNG seed (default 1) */
  seed?: number
  /** tiers whose entries may be used (default both) */
  tiers?: readonly Tier[]
  /** entry ids or `file:<prefix>` to leave out, as in FindOptions */
  disable?: readonly string[]
}

/** One spun artifact: spun text [start, end) replaced the clean `canonical`. */
export interface SpinArtifact {
  start: number
  end: number
  spun: string
  canonical: string
  ruleId: string
  tier: Tier
}

export interface SpinResult {
  spun: string
  artifacts: SpinArtifact[]
}

interface ReverseNode {
  next: Map<string, ReverseNode>
  forms: number[]
}

interface Reverse {
  loaded: LoadedGlossary
  root: Map<string, ReverseNode>
}

const reverseCache = new WeakMap<CompiledGlossary, Reverse>()

/** A trie over the canonical words of every form (built once per compiled glossary). */
function reverseOf(glossary: LoadedGlossary | CompiledGlossary): Reverse {
  const compiled = 'compiled' in glossary ? glossary.compiled : glossary
  const cached = reverseCache.get(compiled)
  if (cached) return cached
  const root = new Map<string, ReverseNode>()
  compiled.forms.forEach((form, index) => {
    const words = phraseWords(form.canonical)
    if (words.length === 0 || words.join(' ') === form.words.join(' ')) return
    let level = root
    let node: ReverseNode | undefined
    for (const word of words) {
      node = level.get(word)
      if (!node) level.set(word, (node = {next: new Map(), forms: []}))
      level = node.next
    }
    node!.forms.push(index)
  })
  const reverse = {loaded: 'compiled' in glossary ? glossary : prepareGlossary(compiled), root}
  reverseCache.set(compiled, reverse)
  return reverse
}

/** mulberry32: a small, fast, seedable PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Words of one phrase sit on one line, separated by spaces or tabs only. */
const sameLineGap = (text: string, a: Token, b: Token) => /^[ \t\u00a0]+$/.test(text.slice(a.end, b.start))

interface Site {
  first: number
  last: number
  start: number
  /** end of the replaced text (before a possessive 's) */
  end: number
  forms: number[]
}

/** The longest canonical phrase starting at token `i`, if any (possessive 's on the last word allowed). */
function siteAt(text: string, tokens: readonly Token[], i: number, root: Map<string, ReverseNode>): Site | undefined {
  let level: Map<string, ReverseNode> | undefined = root
  let best: Site | undefined
  for (let j = i; j < tokens.length && level; j++) {
    if (j > i && !sameLineGap(text, tokens[j - 1]!, tokens[j]!)) break
    const token = tokens[j]!
    if (token.norm.endsWith("'s") && token.norm.length > 2) {
      const bare = level.get(token.norm.slice(0, -2))
      if (bare && bare.forms.length > 0) best = {first: i, last: j, start: tokens[i]!.start, end: token.end - 2, forms: bare.forms}
    }
    const node: ReverseNode | undefined = level.get(token.norm)
    if (!node) break
    if (node.forms.length > 0) best = {first: i, last: j, start: tokens[i]!.start, end: token.end, forms: node.forms}
    level = node.next
  }
  return best
}

/** The spun text for `form` replacing `original`, with the original's casing carried over. */
function spunText(form: CompiledForm, original: string): string | undefined {
  if (form.exact) {
    // a case-sensitive variant restores to its canonical as written: only spin that exact spelling
    const unified = original.replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ')
    if (unified !== form.canonical.replace(/[’ʼ]/g, "'")) return undefined
    const spun = form.exact.join(' ')
    return original.includes('’') ? spun.replace(/'/g, '’') : spun
  }
  const variant = form.words.join(' ')
  // sentence case ("We have" → "Now we have"): only the first letter follows the original
  const letters = original.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters[0] !== letters[0]!.toLowerCase() && letters.slice(1) === letters.slice(1).toLowerCase())
    return variant.replace(/\p{L}/u, (c) => c.toUpperCase())
  return restoreCasing(original, variant, false)
}

interface Planned {
  /** offsets in the clean text */
  start: number
  end: number
  canonical: string
  replacement: string
  ruleId: string
  tier: Tier
}

function render(text: string, planned: readonly Planned[]): SpinResult {
  let spun = ''
  let at = 0
  const artifacts: SpinArtifact[] = []
  for (const p of planned) {
    spun += text.slice(at, p.start)
    const start = spun.length
    spun += p.replacement
    artifacts.push({start, end: spun.length, spun: p.replacement, canonical: p.canonical, ruleId: p.ruleId, tier: p.tier})
    at = p.end
  }
  return {spun: spun + text.slice(at), artifacts}
}

/**
 * Artifacts the matcher would not restore exactly (gate open): not found, restored to something else,
 * overlapped by another change, or making a change appear next to them that the clean text does not have.
 */
function unrestorable(result: SpinResult, baseline: ReadonlySet<string>, planned: readonly Planned[], loaded: LoadedGlossary, disable: readonly string[]): Set<number> {
  const {changes} = findChanges(result.spun, loaded, {gate: 'open', disable})
  const bad = new Set<number>()
  const exact = new Set(changes.map((c) => `${c.start}:${c.end}:${c.expected}`))
  result.artifacts.forEach((a, k) => {
    if (!exact.has(`${a.start}:${a.end}:${a.canonical}`)) bad.add(k)
  })
  for (const c of changes) {
    const k = result.artifacts.findIndex((a) => c.start < a.end && c.end > a.start)
    if (k >= 0) {
      const a = result.artifacts[k]!
      if (c.start !== a.start || c.end !== a.end) bad.add(k)
      continue
    }
    // a change outside every artifact: map it back to clean offsets and compare with the clean text's own
    let shift = 0
    let nearest = -1
    result.artifacts.forEach((a, index) => {
      if (a.end <= c.start) {
        shift += planned[index]!.end - planned[index]!.start - (a.end - a.start)
        nearest = index
      }
    })
    if (!baseline.has(`${c.start + shift}:${c.end + shift}:${c.expected}`)) {
      const after = nearest + 1 < result.artifacts.length ? nearest + 1 : -1
      if (nearest >= 0) bad.add(nearest)
      if (after >= 0) bad.add(after)
    }
  }
  return bad
}

/** Spin `text` with the glossary reversed: each canonical phrase found becomes one of its variants with probability `rate`. */
export function reverseSpin(text: string, glossary: LoadedGlossary | CompiledGlossary, options: Readonly<SpinOptions> = {}): SpinResult {
  const {loaded, root} = reverseOf(glossary)
  const {rules, forms} = loaded.compiled
  const rate = options.rate ?? 0.5
  const random = seededRandom(options.seed ?? 1)
  const tiers = new Set<Tier>(options.tiers ?? ['certain', 'contextual'])
  const disable = options.disable ?? []
  const disabled = (rule: number) =>
    disable.some((d) => d === rules[rule]!.id || (d.startsWith('file:') && rules[rule]!.file.startsWith(d.slice(5))))
  const tokens = tokenize(text)
  let planned: Planned[] = []
  for (let i = 0; i < tokens.length; i++) {
    const site = siteAt(text, tokens, i, root)
    if (!site) continue
    const draw = random()
    const pick = random()
    const usable = site.forms.filter((f) => tiers.has(rules[forms[f]!.rule]!.tier) && !disabled(forms[f]!.rule))
    if (usable.length === 0 || draw >= rate) continue
    const form = forms[usable[Math.floor(pick * usable.length)]!]!
    const original = text.slice(site.start, site.end)
    const replacement = spunText(form, original)
    if (replacement === undefined || normalizeWord(replacement) === normalizeWord(original)) continue
    const rule = rules[form.rule]!
    planned.push({start: site.start, end: site.end, canonical: original, replacement, ruleId: rule.id, tier: rule.tier})
    i = site.last
  }
  const baseline = new Set(findChanges(text, loaded, {gate: 'open', disable}).changes.map((c) => `${c.start}:${c.end}:${c.expected}`))
  for (;;) {
    const result = render(text, planned)
    const bad = unrestorable(result, baseline, planned, loaded, disable)
    if (bad.size === 0) return result
    planned = planned.filter((_, k) => !bad.has(k))
  }
}

export interface GoldOptions {
  /** level of artifacts by tier (default certain → R, contextual → O) */
  levels?: Partial<Record<Tier, 'R' | 'O'>>
}

/** The widest of: the artifact alone, or with one word of context on each side, that is unique in its line. */
function uniqueSpan(line: string, start: number, end: number): [number, number] {
  const occurrences = (s: number, e: number) => line.split(line.slice(s, e)).length - 1
  let [s, e] = [start, end]
  for (let widen = 0; widen < 3 && occurrences(s, e) > 1; widen++) {
    const before = line.slice(0, s).match(/\S+\s+$/)
    const after = line.slice(e).match(/^\s+\S+/)
    if (!before && !after) break
    if (before) s -= before[0].length
    if (after) e += after[0].length
  }
  return [s, e]
}

/**
 * Gold annotation rows for a spun text, in the seed's TSV format (header included):
 * `line<TAB>level<TAB>spun<TAB>restorations`, one row per artifact (one per distinct span in a line).
 */
export function goldTsv(result: SpinResult, options: Readonly<GoldOptions> = {}): string {
  const levels = {certain: 'R', contextual: 'O', ...options.levels}
  const lineStarts = [0]
  for (let i = 0; i < result.spun.length; i++) if (result.spun[i] === '\n') lineStarts.push(i + 1)
  const rows = ['line\tlevel\tspun\trestorations']
  const seen = new Set<string>()
  let lineIndex = 0
  for (const a of result.artifacts) {
    while (lineIndex + 1 < lineStarts.length && lineStarts[lineIndex + 1]! <= a.start) lineIndex++
    const lineStart = lineStarts[lineIndex]!
    const lineEnd = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1]! - 1 : result.spun.length
    const line = result.spun.slice(lineStart, lineEnd)
    const [s, e] = uniqueSpan(line, a.start - lineStart, a.end - lineStart)
    const spun = line.slice(s, e)
    let restored = ''
    let at = lineStart + s
    for (const b of result.artifacts) {
      if (b.start < lineStart + s || b.end > lineStart + e) continue
      restored += result.spun.slice(at, b.start) + b.canonical
      at = b.end
    }
    restored += result.spun.slice(at, lineStart + e)
    const key = `${lineIndex}\t${spun}`
    if (seen.has(key)) continue
    seen.add(key)
    rows.push(`${lineIndex + 1}\t${levels[a.tier]}\t${spun}\t${restored}`)
  }
  return rows.join('\n') + '\n'
}
