// Where results go: standard output with back-pressure, atomic file writes (a temp file in the same
// folder, then rename, keeping the original's permissions), and --out paths mirroring the input tree.

import {once} from 'node:events'
import {chmodSync, createWriteStream, lstatSync, mkdirSync, realpathSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {fsPromises} from '../lazy-builtins.js'
import {basename, dirname, join, relative, resolve} from 'node:path'
import type {Writable} from 'node:stream'
import {UsageError} from './args.js'

/** Write to a stream, waiting when its buffer is full. */
export async function put(stream: Writable, data: string | Uint8Array): Promise<void> {
  if (data.length > 0 && !stream.write(data)) await once(stream, 'drain')
}

/** Where --out puts the result for `path`: the same place relative to `base`, under `outDir`. */
export function outPath(outDir: string, base: string, path: string): string {
  const target = resolve(outDir, relative(base, path))
  if (target === resolve(path)) throw new UsageError(`--out would overwrite the input itself (${path}); choose another folder`)
  return target
}

const temps = new Set<string>()
let hooked = false

/** On Ctrl-C or kill, remove the temporary files being written: the originals stay as they were. */
function removeTempsOnSignal(): void {
  hooked = true
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const temp of temps) {
        try {
          unlinkSync(temp)
        } catch {
          // already renamed into place or gone
        }
      }
      process.exit(128 + (signal === 'SIGINT' ? 2 : 15))
    })
  }
}

function tempPath(path: string): string {
  if (!hooked) removeTempsOnSignal()
  const temp = join(dirname(path), `.${basename(path)}.unspin-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`)
  temps.add(temp)
  return temp
}

async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await fsPromises().stat(path)).mode & 0o7777
  } catch {
    return undefined
  }
}

/** Folders already created (or found) for written files: one mkdir per folder, not per file. */
const folders = new Set<string>()

/**
 * Replace (or create) `path` with `data` atomically: readers see the old file or the new one, never a
 * part. Synchronous on purpose: a few cheap system calls per file cost the main thread far less than as
 * many round trips through the thread pool, and the worker threads keep restoring meanwhile.
 */
export function writeAtomic(target: string, data: string): void {
  const found = lstatSync(target, {throwIfNoEntry: false})
  // through a symbolic link, not over it
  const path = found?.isSymbolicLink() ? realpathSync(target) : target
  const mode = found === undefined ? undefined : (found.isSymbolicLink() ? lstatSync(path, {throwIfNoEntry: false})?.mode : found.mode)
  const folder = dirname(path)
  if (!folders.has(folder)) {
    mkdirSync(folder, {recursive: true})
    folders.add(folder)
  }
  const temp = tempPath(path)
  try {
    writeFileSync(temp, data, {flag: 'wx'})
    if (mode !== undefined) chmodSync(temp, mode & 0o7777)
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // never created
    }
    throw error
  } finally {
    temps.delete(temp)
  }
}

/** A streamed atomic write: write() as you go, then commit() (rename into place) or abort() (remove the temp file). */
export async function atomicStream(target: string): Promise<{stream: Writable; commit(): Promise<void>; abort(): Promise<void>}> {
  const {realpath, mkdir} = fsPromises()
  const path = await realpath(target).catch(() => target)
  await mkdir(dirname(path), {recursive: true})
  const temp = tempPath(path)
  const stream = createWriteStream(temp, {flags: 'wx'})
  await once(stream, 'open')
  const finish = async () => {
    if (!stream.writableFinished) {
      stream.end()
      await once(stream, 'finish')
    }
  }
  return {
    stream,
    async commit() {
      await finish()
      const mode = await modeOf(path)
      if (mode !== undefined) await fsPromises().chmod(temp, mode)
      await fsPromises().rename(temp, path)
      temps.delete(temp)
    },
    async abort() {
      stream.destroy()
      await fsPromises().unlink(temp).catch(() => {})
      temps.delete(temp)
    }
  }
}
