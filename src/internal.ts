// Internals for the project's own scripts and benchmark (not part of the public API; may change).

export {tokenize, normalizeWord} from './match/tokenize.js'
export {PhraseAutomaton} from './match/automaton.js'
export {findChanges} from './match/find.js'
export {prepareGlossary, type LoadedGlossary} from './glossary/loaded.js'
export {bundledGlossary, compileBundled, loadGlossary} from './glossary/load.js'
export type {CompiledGlossary} from './glossary/compiled.js'
