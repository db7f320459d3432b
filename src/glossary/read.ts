// Reading glossary files from disk: the project's YAML/JSON format, and users' own files.
// Returns raw data plus the file's display name; validation happens in validate.ts.

import {readFileSync} from 'node:fs'
import {basename, extname} from 'node:path'
import {parseYaml} from './yaml.js'
import type {RawGlossaryFile} from './types.js'
import {GlossaryError} from './errors.js'

/** Parse glossary text by its file extension (.yml/.yaml/.json). */
export function parseGlossaryText(text: string, file: string): RawGlossaryFile {
  const extension = extname(file).toLowerCase()
  let data: unknown
  try {
    data = extension === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (error) {
    throw new GlossaryError(file, undefined, `cannot parse ${extension.slice(1) || 'file'}: ${(error as Error).message}`)
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new GlossaryError(file, undefined, 'expected a mapping with `topic` and `entries`')
  }
  return data as RawGlossaryFile
}

/** Read one glossary file from disk. `name` is how errors and rule files refer to it. */
export function readGlossaryFile(path: string, name = basename(path)): RawGlossaryFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new GlossaryError(name, undefined, `cannot read: ${(error as Error).message}`)
  }
  return parseGlossaryText(text, name)
}
