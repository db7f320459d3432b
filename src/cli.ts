#!/usr/bin/env node
// The `unspin` command. Answers a lone --version before loading anything else, and --help without
// loading the glossary or the engine (fast start); hands `unspin learn …` to src/cli/learn-command.ts
// and everything else to the batch run (src/cli/main.ts); each is loaded only when needed.

import {readFileSync, writeSync} from 'node:fs'

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  return pkg.version
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    // written straight to the descriptor: setting up process.stdout costs more than the rest of this run
    try {
      writeSync(1, version() + '\n')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
    }
    return 0
  }
  if (argv[0] === 'learn') {
    const {runLearn} = await import('./cli/learn-command.js')
    return runLearn(argv.slice(1))
  }
  const {exitCodes, parseFlags, usage, UsageError} = await import('./cli/args.js')
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
