// Counting word n-grams in clean text (the build side of the collocation statistics): unigrams,
// bigrams and trigrams of normalised tokens, never across punctuation or a blank line.

import {isJoiningGap, tokenize} from '../match/tokenize.js'

export interface NgramCounts {
  unigrams: Map<string, number>
  /** keyed `a b` */
  bigrams: Map<string, number>
  /** keyed `a b c` */
  trigrams: Map<string, number>
  /** tokens counted */
  tokens: number
}

export function emptyCounts(): NgramCounts {
  return {unigrams: new Map(), bigrams: new Map(), trigrams: new Map(), tokens: 0}
}

/** Runs of normalised words with only whitespace between them (the units n-grams live in). */
export function wordRuns(text: string): string[][] {
  const tokens = tokenize(text)
  const runs: string[][] = []
  let run: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (i > 0 && !isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)) {
      if (run.length > 0) runs.push(run)
      run = []
    }
    run.push(tokens[i]!.norm)
  }
  if (run.length > 0) runs.push(run)
  return runs
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)

/** Add the n-grams of `text` to `counts`. */
export function addText(counts: NgramCounts, text: string): void {
  for (const run of wordRuns(text)) {
    for (let i = 0; i < run.length; i++) {
      bump(counts.unigrams, run[i]!)
      counts.tokens++
      if (i + 1 < run.length) bump(counts.bigrams, run[i]! + ' ' + run[i + 1]!)
      if (i + 2 < run.length) bump(counts.trigrams, run[i]! + ' ' + run[i + 1]! + ' ' + run[i + 2]!)
    }
  }
}
