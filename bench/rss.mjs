// Runs the built CLI in this process and prints its peak resident set size (KiB) to stderr on exit:
// `node bench/rss.mjs [unspin args…]`. Used by the benchmark; worker threads share the process RSS.
import {fileURLToPath} from 'node:url'

process.argv = [process.argv[0], fileURLToPath(new URL('../dist/cli.js', import.meta.url)), ...process.argv.slice(2)]
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`))
await import('../dist/cli.js')
