#!/usr/bin/env node
// The `unspin` command. Answers a lone --version before loading anything else, and --help without
// loading the glossary or the engine (fast start); hands `unspin learn …` to src/cli/learn-command.ts
// and everything else to the batch run (src/cli/main.ts); each is loaded only when needed.

import {readFileSync, writeSync} from 'node:fs'

/** Print the version, straight to the descriptor: setting up process.stdout costs more than the rest of such a run. */
function printVersion(): void {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {version: string}
  try {
    writeSync(1, pkg.version + '\n')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    printVersion()
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
      printVersion()
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
