#!/usr/bin/env node
// Compile and validate dictionaries/ into dist/glossary.json and docs/glossary.md (after tsup).
// A broken glossary fails the build with the file, the entry id and the reason.
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {runBuild} from '../dist/glossary-build.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
try {
  const report = runBuild(root)
  console.log(`glossary: ${report.entries} entries in ${report.files} files, ${report.forms} forms, ${report.examples} examples passed`)
} catch (error) {
  console.error(error.errors ? error.message : error.stack)
  process.exit(1)
}
