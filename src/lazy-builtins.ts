// Node built-ins that most runs never use, required on first use instead of imported at the top of a
// module: loading zlib (discovery data), v8 (the batch heap check), worker_threads (--jobs > 1) and
// fs/promises (streamed atomic writes) costs 2–4 ms of start-up each (vm, used with v8, under 1 ms).

import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

export const zlib = () => require('node:zlib') as typeof import('node:zlib')
export const v8 = () => require('node:v8') as typeof import('node:v8')
export const vm = () => require('node:vm') as typeof import('node:vm')
export const workerThreads = () => require('node:worker_threads') as typeof import('node:worker_threads')
export const fsPromises = () => require('node:fs/promises') as typeof import('node:fs/promises')
