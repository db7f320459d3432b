// Turning the matcher's changes into standard vfile messages (source `unspin`, ruleId, actual,
// expected, place with offsets), for every unified plugin and the CLI reports.

import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {Change} from '../match/find.js'

/** Extra fields unspin messages carry beyond the vfile-message standard ones. */
export interface UnspinMessageData {
  confidence: Change['confidence']
  file: string
  /** false when the phrase is split across markup and cannot be fixed in place */
  fixable: boolean
}

/** vfile-location indexes the whole file: build it once per file (and value), not once per message. */
const locations = new WeakMap<VFile, {value: VFile['value']; place: ReturnType<typeof location>}>()

function locationOf(file: VFile): ReturnType<typeof location> {
  const cached = locations.get(file)
  if (cached && cached.value === file.value) return cached.place
  const place = location(file)
  locations.set(file, {value: file.value, place})
  return place
}

/**
 * Attach a message for `change` found at source[start, end). `fixable` false reports the artifact
 * without an `expected` replacement to apply.
 */
export function reportChange(file: VFile, change: Change, start: number, end: number, fixable: boolean): void {
  const place = locationOf(file)
  const startPoint = place.toPoint(start)
  const endPoint = place.toPoint(end)
  const reason = fixable
    ? `Replace \`${change.actual}\` with \`${change.expected}\``
    : `\`${change.actual}\` looks spun (\`${change.expected}\`), but it is split across markup: not fixed`
  const message = file.message(reason, {
    ...(startPoint && endPoint ? {place: {start: startPoint, end: endPoint}} : {}),
    ruleId: change.ruleId,
    source: 'unspin'
  })
  message.actual = change.actual
  message.expected = fixable ? [change.expected] : []
  message.note = change.note
  message.fatal = false
  Object.assign(message, {data: {confidence: change.confidence, file: change.file, fixable} satisfies UnspinMessageData})
}
