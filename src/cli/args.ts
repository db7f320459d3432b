// Command-line arguments: the option table, the --help text (with the exit codes) and the checks
// that turn argv into CliFlags. Only node:util is imported here, so --help stays fast.

import {parseArgs} from 'node:util'

export type Format = 'txt' | 'md' | 'html' | 'jsonl'
export const formats: readonly Format[] = ['txt', 'md', 'html', 'jsonl']

export const exitCodes = {ok: 0, artifacts: 1, trouble: 2} as const

export const usage = `Usage: unspin [options] [PATH|FOLDER|GLOB ...]
       unspin learn --spun PATH --original PATH [options]   (see unspin learn --help)

Restore machine-paraphrased ("spun") English against a curated glossary.
With no PATH (or PATH "-"), reads standard input and writes standard output.
Folders are searched recursively for .txt .md .markdown .html .htm .jsonl .ndjson
files (hidden folders and node_modules are skipped); globs are quoted patterns
such as 'docs/**/*.md'.

Output (by default the restored text goes to standard output, files in order):
  -w, --write          rewrite changed files in place (atomically: temp file + rename)
  -o, --out DIR        write every processed file under DIR, mirroring the input tree
  -c, --check          write nothing; list files with artifacts; exit 1 if any are found
      --diff           print a unified diff of each changed file (instead of the text)
      --explain        print each change: position, rule id, confidence, note, context
      --report FORMAT  json or text: a per-file report on standard output
  -q, --quiet          no progress bar and no closing summary (warnings still shown)

Formats (by extension; unknown extensions are read as plain text):
      --format FORMAT  txt, md, html or jsonl: force one format for every input
      --field FIELD    JSON Lines: the text field, a key (text, the default) or a
                       JSON pointer (/article/body)
      --only WHICH     JSON Lines: keep only spun or clean records (a corpus filter)
      --annotate       JSON Lines: add "unspin": {score, spun, changes} to each record
      --threshold X    spin score from which a document counts as spun (default 0.5)

Glossary and matching:
      --glossary FILE  add a glossary (YAML/JSON, PPS CSV export, or spun<TAB>canonical
                       TSV); repeatable
      --no-bundled     use only the --glossary files, not the bundled glossary
      --disable ID     turn off an entry id (or file:news/sport); repeatable
      --gate MODE      auto (default), open or closed: when contextual entries apply
      --min-certain N  certain hits that open the gate in auto mode (default 2)

Running:
  -j, --jobs N         worker threads (default: the number of cores when the input
                       files add up to 4 MB or more; otherwise, and for standard
                       input, the work stays in one thread)
      --config FILE    read options from FILE instead of searching for
                       .unspinrc.json / package.json "unspin" upwards from here
      --no-config      ignore configuration files
  -h, --help           show this help
  -v, --version        show the version

Configuration (.unspinrc.json, or the "unspin" key of package.json): glossaries,
disable, gate, minCertain, field, format, threshold, bundled. Paths are relative
to the file. Flags win over the file; lists (glossaries, disable) add up.

As a streaming filter (GNU parallel --pipe, Spark's RDD.pipe, Hadoop Streaming):
  unspin --format jsonl [--only spun|clean] [--annotate] < part.jsonl > out.jsonl
Lines keep their order; malformed lines pass through; memory stays constant.

Limits: plain text, markdown and HTML files over 64 MiB are skipped (whole-document
formats are held in memory); JSON Lines stream in constant memory at any size.
Standard input that cannot be restored (binary, not UTF-8, too large) is copied
to standard output unchanged, so a pipeline loses nothing.

Exit codes:
  0  done (changes may have been made or printed)
  1  --check found artifacts, and nothing was skipped
  2  usage or configuration error, broken glossary, or some input was skipped
     (unreadable, binary, not UTF-8, too large, missing) or could not be written;
     the other inputs are still processed. Malformed JSON lines are passed
     through unchanged with a warning and do not change the exit code.
  130, 143  interrupted (Ctrl-C, kill): temporary files are removed, files being
     rewritten keep their old content.`

export interface CliFlags {
  inputs: string[]
  format: Format | undefined
  field: string | undefined
  write: boolean
  out: string | undefined
  check: boolean
  report: 'json' | 'text' | undefined
  diff: boolean
  explain: boolean
  quiet: boolean
  only: 'spun' | 'clean' | undefined
  annotate: boolean
  threshold: number | undefined
  glossaries: string[]
  bundled: boolean | undefined
  disable: string[]
  gate: 'auto' | 'open' | 'closed' | undefined
  minCertain: number | undefined
  jobs: number | undefined
  config: string | undefined
  noConfig: boolean
  help: boolean
  version: boolean
}

export class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${allowed.join(', ')} (got "${value}")`)
  return value as T
}

function number(name: string, value: string | undefined, check: (n: number) => boolean, what: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${name} must be ${what} (got "${value}")`)
  return n
}

/** Parse argv (without node and the script). Throws UsageError on a bad command line. */
export function parseFlags(argv: string[]): CliFlags {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        write: {type: 'boolean', short: 'w'},
        out: {type: 'string', short: 'o'},
        check: {type: 'boolean', short: 'c'},
        diff: {type: 'boolean'},
        explain: {type: 'boolean'},
        report: {type: 'string'},
        quiet: {type: 'boolean', short: 'q'},
        format: {type: 'string'},
        field: {type: 'string'},
        only: {type: 'string'},
        annotate: {type: 'boolean'},
        threshold: {type: 'string'},
        glossary: {type: 'string', multiple: true},
        'no-bundled': {type: 'boolean'},
        disable: {type: 'string', multiple: true},
        gate: {type: 'string'},
        'min-certain': {type: 'string'},
        jobs: {type: 'string', short: 'j'},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const v = parsed.values
  const flags: CliFlags = {
    inputs: parsed.positionals,
    format: oneOf('format', v.format, formats),
    field: v.field,
    write: v.write ?? false,
    out: v.out,
    check: v.check ?? false,
    report: oneOf('report', v.report, ['json', 'text'] as const),
    diff: v.diff ?? false,
    explain: v.explain ?? false,
    quiet: v.quiet ?? false,
    only: oneOf('only', v.only, ['spun', 'clean'] as const),
    annotate: v.annotate ?? false,
    threshold: number('threshold', v.threshold, (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    glossaries: v.glossary ?? [],
    bundled: v['no-bundled'] ? false : undefined,
    disable: v.disable ?? [],
    gate: oneOf('gate', v.gate, ['auto', 'open', 'closed'] as const),
    minCertain: number('min-certain', v['min-certain'], (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0'),
    jobs: number('jobs', v.jobs, (n) => Number.isInteger(n) && n >= 1, 'a whole number ≥ 1'),
    config: v.config,
    noConfig: v['no-config'] ?? false,
    help: v.help ?? false,
    version: v.version ?? false
  }
  if (flags.field === '') throw new UsageError('--field must not be empty')
  if (flags.write && flags.out !== undefined) throw new UsageError('--write and --out cannot be combined')
  if (flags.check && (flags.write || flags.out !== undefined)) throw new UsageError('--check writes nothing: drop --write/--out')
  if (flags.config !== undefined && flags.noConfig) throw new UsageError('--config and --no-config cannot be combined')
  return flags
}
