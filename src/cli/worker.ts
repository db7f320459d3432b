// Worker thread entry (dist/cli-worker.js): loads the glossary once (the bundled one is precompiled
// JSON), reports ready or the glossary error, then runs tasks until the pool closes it.

import {parentPort, workerData} from 'node:worker_threads'
import {prepare, runTask, type Task, type TaskSettings} from './tasks.js'

const port = parentPort!
const settings = workerData as TaskSettings
try {
  port.postMessage({type: 'ready', rejected: prepare(settings)})
} catch (error) {
  port.postMessage({type: 'failed', message: (error as Error).message})
}
port.on('message', (message: {id: number; task: Task}) => {
  runTask(message.task, settings).then(
    (outcome) => port.postMessage({type: 'done', id: message.id, outcome}),
    (error: Error) => port.postMessage({type: 'error', id: message.id, message: error.message})
  )
})
