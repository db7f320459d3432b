// Structural validation of glossary files as people write them: required fields, known keys, tiers,
// inflection forms, context items and class references. Problems are collected, never thrown one by one.

import {GlossaryError} from './errors.js'
import {knownForms} from './inflect.js'
import type {RawEntry, RawGlossaryFile} from './types.js'

const entryKeys = new Set(['id', 'canonical', 'variants', 'tier', 'inflect', 'context', 'note', 'source', 'examples'])
const fileKeys = new Set(['topic', 'source', 'classes', 'entries', 'verbs', 'nouns'])
const contextKeys = new Set(['before', 'notBefore', 'after', 'notAfter'])
const idPattern = /^[a-z0-9][a-z0-9._:/-]*$/

export interface ValidateOptions {
  /** project files must give a note, a source and at least one spun example per entry */
  strict?: boolean
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() !== '')
/** Class members may be numbers in YAML (`[1, 2, 12]`); they are compared as strings. */
const isMemberList = (value: unknown): boolean =>
  Array.isArray(value) && value.length > 0 && value.every((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number')

/** Check one file; returns its usable entries and the problems found. */
export function validateFile(
  raw: RawGlossaryFile,
  file: string,
  options: ValidateOptions = {}
): {entries: RawEntry[]; errors: GlossaryError[]} {
  const errors: GlossaryError[] = []
  const fail = (id: string | undefined, reason: string) => errors.push(new GlossaryError(file, id, reason))
  for (const key of Object.keys(raw)) if (!fileKeys.has(key)) fail(undefined, `unknown key \`${key}\``)
  if (typeof raw.topic !== 'string' || raw.topic.trim() === '') fail(undefined, 'missing `topic`')
  if (raw.classes !== undefined) {
    if (typeof raw.classes !== 'object' || raw.classes === null || Array.isArray(raw.classes)) fail(undefined, '`classes` must be a mapping')
    else for (const [name, members] of Object.entries(raw.classes))
      if (!isMemberList(members)) fail(undefined, `class \`${name}\` must be a list of words`)
  }
  if (raw.entries !== undefined && !Array.isArray(raw.entries)) {
    fail(undefined, '`entries` must be a list')
    return {entries: [], errors}
  }
  const entries: RawEntry[] = []
  for (const [index, entry] of (raw.entries ?? []).entries()) {
    const before = errors.length
    if (entry === null || typeof entry !== 'object') {
      fail(undefined, `entry #${index + 1} is not a mapping`)
      continue
    }
    const id = typeof entry.id === 'string' ? entry.id : undefined
    if (!id) fail(undefined, `entry #${index + 1} has no \`id\``)
    else if (!idPattern.test(id)) fail(id, 'id must be lower case: letters, digits, `-`, `.`, `:`, `/`')
    for (const key of Object.keys(entry)) if (!entryKeys.has(key)) fail(id, `unknown key \`${key}\``)
    if (typeof entry.canonical !== 'string' || entry.canonical.trim() === '') fail(id, 'missing `canonical`')
    if (!isStringList(entry.variants)) fail(id, '`variants` must be a non-empty list of phrases')
    if (entry.tier !== 'certain' && entry.tier !== 'contextual') fail(id, `tier must be certain or contextual, not ${JSON.stringify(entry.tier)}`)
    if (entry.inflect !== undefined && entry.inflect !== 'noun' && entry.inflect !== 'verb') {
      if (!Array.isArray(entry.inflect) || !entry.inflect.every((f) => knownForms.has(f)))
        fail(id, '`inflect` must be noun, verb or a list of s / ed / ing / plural')
    }
    if (entry.context !== undefined) {
      if (typeof entry.context !== 'object' || entry.context === null) fail(id, '`context` must be a mapping')
      else
        for (const [key, list] of Object.entries(entry.context)) {
          if (!contextKeys.has(key)) fail(id, `unknown context key \`${key}\``)
          else if (!isStringList(list)) fail(id, `context \`${key}\` must be a list of words`)
        }
    }
    if (options.strict || entry.note !== undefined)
      if (typeof entry.note !== 'string' || entry.note.trim() === '') fail(id, 'missing `note`')
    if (options.strict && !(typeof entry.source === 'string' && entry.source) && !(typeof raw.source === 'string' && raw.source))
      fail(id, 'missing `source` (on the entry or the file)')
    if (entry.examples !== undefined && !Array.isArray(entry.examples)) fail(id, '`examples` must be a list')
    else {
      for (const example of entry.examples ?? []) {
        const ok =
          example !== null &&
          typeof example === 'object' &&
          (('clean' in example && typeof example.clean === 'string' && Object.keys(example).length === 1) ||
            ('spun' in example && typeof example.spun === 'string' && 'restored' in example &&
              typeof example.restored === 'string' && Object.keys(example).length === 2))
        if (!ok) fail(id, `malformed example ${JSON.stringify(example)}: use {spun, restored} or {clean}`)
      }
      if (options.strict && !(entry.examples ?? []).some((e) => e && typeof e === 'object' && 'spun' in e))
        fail(id, 'needs at least one `spun` example')
    }
    if (errors.length === before) entries.push({...entry, source: entry.source ?? raw.source})
  }
  return {entries, errors}
}
