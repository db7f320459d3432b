// Running tasks: in the main thread (one job) or on a pool of worker threads, each of which loads
// the glossary once. Tasks are queued and handed to idle workers; results come back as promises.

import type {Worker} from 'node:worker_threads'
import {workerThreads} from '../lazy-builtins.js'
import type {RejectedRows} from '../glossary/load.js'
import {prepare, runTask, type Outcome, type Task, type TaskSettings} from './tasks.js'

export interface Pool {
  /** rows of users' CSV/TSV glossaries that could not be used */
  rejected: RejectedRows
  run(task: Task): Promise<Outcome>
  close(): Promise<void>
}

/** Run tasks in this thread. Throws GlossaryError(s) on a broken glossary. */
export function mainThreadPool(settings: TaskSettings): Pool {
  const rejected = prepare(settings)
  return {
    rejected,
    run: (task) => runTask(task, settings),
    close: async () => {}
  }
}

type Reply =
  | {type: 'ready'; rejected: RejectedRows}
  | {type: 'failed'; message: string}
  | {type: 'done'; id: number; outcome: Outcome}
  | {type: 'error'; id: number; message: string}

interface Pending {
  task: Task
  resolve: (outcome: Outcome) => void
  reject: (error: Error) => void
}

/** Start `size` worker threads and wait until each has loaded the glossary (rejects with the glossary error). */
export async function workerPool(size: number, settings: TaskSettings): Promise<Pool> {
  const url = new URL('./cli-worker.js', import.meta.url)
  const queue: Array<Pending & {id: number}> = []
  const idle: Worker[] = []
  const running = new Map<Worker, Pending & {id: number}>()
  let nextId = 0
  let rejected: RejectedRows = []

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!
      const job = queue.shift()!
      running.set(worker, job)
      worker.postMessage({id: job.id, task: job.task})
    }
  }

  let closing = false
  const workers = new Set<Worker>()

  /** Start a worker; resolves once it has loaded the glossary. A worker that dies is replaced. */
  const start = () =>
    new Promise<void>((resolve, reject) => {
      // a smaller young generation than the default keeps each worker's memory down at no measurable cost
      const worker = new (workerThreads().Worker)(url, {workerData: settings, resourceLimits: {maxYoungGenerationSizeMb: 12}})
      workers.add(worker)
      let ready = false
      let lastError = ''
      worker.on('error', (error) => {
        lastError = error.message
        if (!ready) reject(error)
      })
      worker.on('exit', (code) => {
        workers.delete(worker)
        if (closing || !ready) return
        const job = running.get(worker)
        running.delete(worker)
        job?.reject(new Error(`worker thread stopped (${lastError || `exit code ${code}`})`))
        start().then(dispatch, (error: Error) => {
          for (const waiting of queue.splice(0)) waiting.reject(error)
        })
      })
      worker.on('message', (reply: Reply) => {
        if (reply.type === 'ready') {
          ready = true
          rejected = reply.rejected
          idle.push(worker)
          resolve()
        } else if (reply.type === 'failed') {
          reject(new Error(reply.message))
        } else {
          const job = running.get(worker)
          running.delete(worker)
          idle.push(worker)
          if (reply.type === 'done') job?.resolve(reply.outcome)
          else job?.reject(new Error(reply.message))
          dispatch()
        }
      })
    })

  const close = async () => {
    closing = true
    await Promise.all([...workers].map((w) => w.terminate()))
  }
  try {
    await Promise.all(Array.from({length: size}, start))
  } catch (error) {
    await close()
    throw error
  }
  return {
    rejected,
    run: (task) =>
      new Promise<Outcome>((resolve, reject) => {
        queue.push({id: nextId++, task, resolve, reject})
        dispatch()
      }),
    close
  }
}
