// YAML parsing for glossary sources, loaded on first use: the bundled glossary ships precompiled
// (dist/glossary.json), so normalize() and the CLI never pay for the YAML parser unless a YAML
// glossary is actually read (users' files, or a source tree without a fresh build).

import {createRequire} from 'node:module'
import type * as Yaml from 'yaml'

let yaml: typeof Yaml | undefined

/** `yaml`'s parse, required synchronously on first call. */
export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml
  return yaml.parse(text)
}
