#!/usr/bin/env node
// The `unspin` command (minimal form): `unspin [FILE]` prints the restored text of FILE, or of stdin
// when no file is given.

import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'

const usage = `Usage: unspin [options] [FILE]

Restore machine-paraphrased ("spun") English. Prints the restored text of FILE
(standard input when no FILE is given) to standard output.

Options:
  --glossary FILE   add a glossary (YAML/JSON, PPS CSV export, or spun<TAB>canonical TSV); repeatable
  --disable ID      turn off a glossary entry (or file:news/sport.yml); repeatable
  --gate MODE       auto (default), open or closed: when contextual entries apply
  -h, --help        show this help
  -v, --version     show the version

Exit codes: 0 done, 2 bad input or usage (nothing written).`

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

/** Decode bytes as UTF-8, refusing binary data and invalid UTF-8. */
function decode(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) throw new Error(`${name}: looks binary (contains NUL bytes); skipped`)
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    throw new Error(`${name}: not valid UTF-8; skipped`)
  }
}

async function main(): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        glossary: {type: 'string', multiple: true},
        disable: {type: 'string', multiple: true},
        gate: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    process.stderr.write(`unspin: ${(error as Error).message}\n\n${usage}\n`)
    return 2
  }
  const {values, positionals} = parsed
  if (values.help) {
    process.stdout.write(usage + '\n')
    return 0
  }
  if (values.version) {
    process.stdout.write(version() + '\n')
    return 0
  }
  if (positionals.length > 1) {
    process.stderr.write('unspin: give one FILE (or none for standard input)\n')
    return 2
  }
  const gate = values.gate ?? 'auto'
  if (gate !== 'auto' && gate !== 'open' && gate !== 'closed') {
    process.stderr.write(`unspin: --gate must be auto, open or closed\n`)
    return 2
  }
  const name = positionals[0] ?? '<stdin>'
  let text: string
  try {
    text = decode(readFileSync(positionals[0] ?? 0), name)
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code ? `${name}: cannot read (${(error as Error).message})` : (error as Error).message
    process.stderr.write(`unspin: ${message}\n`)
    return 2
  }
  const {normalize} = await import('./analyze.js')
  try {
    process.stdout.write(normalize(text, {glossaries: values.glossary ?? [], disable: values.disable ?? [], gate}))
  } catch (error) {
    process.stderr.write(`unspin: ${(error as Error).message}\n`)
    return 2
  }
  return 0
}

process.exitCode = await main()
