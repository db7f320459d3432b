// A compiled glossary's rules and forms, read by index. Saved by the build as UTF-8 JSON records behind
// offset tables (in the same file as the automaton), they are parsed one at a time on first use, so a
// run parses only the entries its text matches: parsing all of glossary.json (4 MB) was most of the
// start-up of a one-sentence run.

import type {CompiledForm, CompiledGlossary, CompiledRule} from './compiled.js'

/** Rules and forms by index (the indexes of CompiledGlossary.rules / .forms). */
export interface GlossaryRecords {
  rule(index: number): CompiledRule
  form(index: number): CompiledForm
}

/** The records as saved: one UTF-8 byte string, record i at [offsets[i], offsets[i + 1]). */
export interface EncodedRecords {
  bytes: Uint8Array
  ruleOffsets: Int32Array
  formOffsets: Int32Array
}

/** Records of a glossary held in memory as arrays. */
export function arrayRecords(compiled: CompiledGlossary): GlossaryRecords {
  return {rule: (index) => compiled.rules[index]!, form: (index) => compiled.forms[index]!}
}

/** Encode every rule and form as JSON, for SavedRecords. */
export function encodeRecords(compiled: CompiledGlossary): EncodedRecords {
  const chunks: Buffer[] = []
  let at = 0
  const table = (items: readonly object[]) => {
    const offsets = new Int32Array(items.length + 1)
    items.forEach((item, index) => {
      const chunk = Buffer.from(JSON.stringify(item))
      chunks.push(chunk)
      at += chunk.length
      offsets[index + 1] = at
    })
    return offsets
  }
  const ruleOffsets = table(compiled.rules)
  const formOffsets = table(compiled.forms)
  // form offsets continue after the rules' bytes
  formOffsets[0] = ruleOffsets[compiled.rules.length]!
  return {bytes: new Uint8Array(Buffer.concat(chunks)), ruleOffsets, formOffsets}
}

const decoder = new TextDecoder()

/** Saved records, each parsed on first use and kept. */
export class SavedRecords implements GlossaryRecords {
  private readonly rules: Array<CompiledRule | undefined>
  private readonly forms: Array<CompiledForm | undefined>

  constructor(private readonly saved: EncodedRecords) {
    this.rules = new Array<CompiledRule | undefined>(saved.ruleOffsets.length - 1)
    this.forms = new Array<CompiledForm | undefined>(saved.formOffsets.length - 1)
  }

  rule(index: number): CompiledRule {
    return (this.rules[index] ??= this.parse(this.saved.ruleOffsets, index) as CompiledRule)
  }

  form(index: number): CompiledForm {
    return (this.forms[index] ??= this.parse(this.saved.formOffsets, index) as CompiledForm)
  }

  private parse(offsets: Int32Array, index: number): unknown {
    if (!(index >= 0 && index < offsets.length - 1)) throw new RangeError(`no glossary record ${index}`)
    return JSON.parse(decoder.decode(this.saved.bytes.subarray(offsets[index]!, offsets[index + 1]!)))
  }
}
