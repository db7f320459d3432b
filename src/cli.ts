#!/usr/bin/env node
// The `unspin` command. Answers --version and --help from here without loading the glossary or the
// engine (fast start), dispatches `unspin learn …`, and hands everything else to the batch run.

import {readFileSync} from 'node:fs'
import {exitCodes, parseFlags, usage, UsageError} from './cli/args.js'

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

async function main(argv: string[]): Promise<number> {
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
