// Writing proposals as a glossary file in the project's YAML format (dictionaries/README.md), one entry
// per canonical with its variants, counts and sources in the note, ready to review and move into
// dictionaries/.

import {stringify} from 'yaml'
import type {RawEntry, RawGlossaryFile} from '../glossary/types.js'
import type {Proposal} from './propose.js'

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'entry'

/** Group proposals by canonical and tier into raw entries (ids `learned-<canonical>`, unique). */
export function proposalsToEntries(proposals: readonly Proposal[]): RawEntry[] {
  const groups = new Map<string, Proposal[]>()
  for (const p of proposals) {
    const key = `${p.canonical}\t${p.tier}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  const used = new Set<string>()
  const entries: RawEntry[] = []
  for (const group of groups.values()) {
    const {canonical, tier} = group[0]!
    let id = `learned-${slug(canonical)}`
    for (let k = 2; used.has(id); k++) id = `learned-${slug(canonical)}-${k}`
    used.add(id)
    const count = group.reduce((n, p) => n + p.count, 0)
    const pairs = [...new Set(group.flatMap((p) => p.pairs))]
    const seen = group.map((p) => `“${p.variant}” ×${p.count}`).join(', ')
    entries.push({
      id,
      canonical,
      variants: group.map((p) => p.variant),
      tier,
      note: `Learned from parallel text: ${seen} (${count} in all, in ${pairs.length} pair${pairs.length === 1 ? '' : 's'}). ${
        tier === 'certain' ? 'The variant does not occur in the clean corpora.' : 'The variant occurs in clean English: check context.'
      } Review before use.`,
      source: `learned:${pairs.slice(0, 3).join(',')}${pairs.length > 3 ? ',…' : ''}`,
      examples: group.flatMap((p) => p.examples).slice(0, 3)
    })
  }
  return entries
}

/** The YAML text of a glossary file holding `entries`. */
export function glossaryYaml(entries: RawEntry[], topic = 'Proposed from parallel text (review before use)'): string {
  const file: RawGlossaryFile = {topic, entries}
  return stringify(file, {lineWidth: 0})
}
