// unspin's public API.

export {analyze, normalize, type Analysis, type Options} from './analyze.js'
export {applyFixes, type Fix, type FixMessage, type ApplyResult} from './fix/apply-fixes.js'
export {default as retextUnspin} from './unified/retext-unspin.js'
export {loadGlossary, type GlossaryOptions} from './glossary/load.js'
export {GlossaryError, GlossaryErrors} from './glossary/errors.js'
export type {Change, FindOptions} from './match/find.js'
export type {Evidence, GateMode} from './match/gate.js'
export type {RawEntry, RawGlossaryFile, Tier} from './glossary/types.js'
