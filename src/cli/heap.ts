// Keeps a long batch run's memory flat: V8 lets the old generation fill with the garbage of
// finished batches (records survive a few young-generation collections while they are judged) long
// before it collects it, which shows up as resident memory. After a task, when the heap has grown by
// more than `slackBytes` since the last full collection, collect now. A full collection of this
// heap takes a few tens of milliseconds and happens every few megabytes of input.

import {v8, vm} from '../lazy-builtins.js'

const slackBytes = 16 * 2 ** 20

let collect: (() => void) | undefined
let floor = 0

/** Run a full garbage collection if the heap grew by more than the slack since the last one. */
export function collectIfGrown(): void {
  const used = process.memoryUsage().heapUsed
  if (floor === 0) floor = used
  if (used - floor < slackBytes) return
  if (!collect) {
    // gc() without starting node with --expose-gc: set the flag, then a new context exposes it
    v8().setFlagsFromString('--expose-gc')
    collect = vm().runInNewContext('gc') as () => void
  }
  collect()
  floor = process.memoryUsage().heapUsed
}
