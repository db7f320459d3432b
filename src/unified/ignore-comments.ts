// Ignore comments in markdown and HTML: `<!-- unspin-disable -->` / `<!-- unspin-enable -->` turn
// restoration off and on for the content that follows; with ids (`<!-- unspin-disable id other-id -->`)
// they switch single glossary entries (or `file:<glossary file>` prefixes, as in the `disable` option).

import type {Change} from '../match/find.js'

/** The ignore state at one point of a document. */
export interface IgnoreState {
  /** everything off (`unspin-disable` without ids) */
  readonly all: boolean
  /** ids switched off while `all` is false */
  readonly disabled: readonly string[]
  /** ids switched back on while `all` is true */
  readonly enabled: readonly string[]
}

export const initialIgnoreState: IgnoreState = {all: false, disabled: [], enabled: []}

const directive = /^\s*unspin-(disable|enable)(?=\s|$)([^]*)$/

/** Apply the directive in a comment's inner text (between `<!--` and `-->`); other comments change nothing. */
export function applyComment(state: IgnoreState, comment: string): IgnoreState {
  const match = directive.exec(comment)
  if (!match) return state
  const disable = match[1] === 'disable'
  const ids = match[2]!.trim().split(/[\s,]+/).filter(Boolean)
  if (ids.length === 0) return {all: disable, disabled: [], enabled: []}
  const without = (list: readonly string[]) => list.filter((id) => !ids.includes(id))
  const withIds = (list: readonly string[]) => [...without(list), ...ids]
  if (state.all) return {...state, enabled: disable ? without(state.enabled) : withIds(state.enabled)}
  return {...state, disabled: disable ? withIds(state.disabled) : without(state.disabled)}
}

/** Every comment's inner text in a chunk of raw HTML (a markdown `html` node can hold several). */
export function commentsIn(html: string): string[] {
  return [...html.matchAll(/<!--([^]*?)-->/g)].map((m) => m[1]!)
}

/** Whether nothing at all is read in this state. */
export const readsNothing = (state: IgnoreState) => state.all && state.enabled.length === 0

function names(id: string, change: Change): boolean {
  return id === change.ruleId || (id.startsWith('file:') && change.file.startsWith(id.slice(5)))
}

/** Whether `change` is switched off in this state. */
export function ignores(state: IgnoreState, change: Change): boolean {
  return state.all ? !state.enabled.some((id) => names(id, change)) : state.disabled.some((id) => names(id, change))
}
