#!/usr/bin/env node
// The `unspin` command. Answers --version and --help from here without loading the glossary or the
// engine (fast start), hands `unspin learn …` to src/cli/learn-command.ts and everything else to the
// batch run (src/cli/main.ts); both are loaded only when needed.

import {readFileSync} from 'node:fs'
import {exitCodes, parseFlags, usage, UsageError} from './cli/args.js'

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'learn') {
    const {runLearn} = await import('./cli/learn-command.js')
    return runLearn(argv.slice(1))
  }
  try {
    const flags = parseFlags(argv)
    if (flags.help) {
      process.stdout.write(usage + '\n')
      return exitCodes.ok
    }
    if (flags.version) {
      process.stdout.write(version() + '\n')
      return exitCodes.ok
    }
    const {runBatch} = await import('./cli/main.js')
    return await runBatch(flags)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`unspin: ${error.message}\nTry 'unspin --help'.\n`)
    } else {
      process.stderr.write(`unspin: ${(error as Error).message}\n`)
    }
    return exitCodes.trouble
  }
}

process.exitCode = await main(process.argv.slice(2))
