// The spin score: logistic regression pieces (fit, predict, AUC) and the shipped model's behaviour on
// clean and spun text.
import {readFileSync, readdirSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {analyze} from '../src/analyze.js'
import {shippedCollocations} from '../src/discover/shipped.js'
import {isJoiningGap, tokenize} from '../src/match/tokenize.js'
import {fitLogistic, predict, rocAuc} from '../src/score/logistic.js'
import {spinScore} from '../src/score/spin-score.js'

describe('logistic regression', () => {
  it('recovers a separating direction and predicts probabilities', () => {
    const x: number[][] = []
    const y: number[] = []
    for (let i = 0; i < 200; i++) {
      const v = (i % 20) / 2 - 5
      x.push([v, (i * 7) % 3])
      y.push(v + ((i * 13) % 5) - 2 > 0 ? 1 : 0)
    }
    const model = fitLogistic(x, y, {lambda: 0.1})
    expect(model.weights[0]).toBeGreaterThan(1)
    expect(Math.abs(model.weights[1]!)).toBeLessThan(model.weights[0]!)
    expect(predict(model, [4, 1])).toBeGreaterThan(0.9)
    expect(predict(model, [-4, 1])).toBeLessThan(0.1)
  })

  it('computes ROC AUC with ties', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
    expect(rocAuc([0.5, 0.5], [0, 1])).toBe(0.5)
    expect(rocAuc([0.2, 0.9], [0, 1])).toBe(1)
  })
})

describe('spin score', () => {
  const spun =
    'Senior administration officers say U.S. border coverage is not going to be a main focus. The Biden administration has not too long ago relied on Mexican authorities to reduce the variety of migrants. However one senior U.S. official stated throughout a background name with reporters this 12 months that there are tons of of hundreds of migrants.'
  const clean =
    'Senior administration officials say border policy will not be a main focus of the talks. The administration has recently relied on the Mexican government to reduce the number of migrants reaching the southern border, a senior official said during a call with reporters.'

  it('is a probability, higher for spun text than for clean text', {timeout: 120_000}, () => {
    const a = analyze(spun)
    const b = analyze(clean)
    for (const s of [a.score, b.score]) expect(s).toBeGreaterThanOrEqual(0)
    expect(a.score).toBeGreaterThan(b.score)
    expect(b.score).toBeLessThan(0.5)
  })

  it('falls back to the glossary-only model without the text', () => {
    const none = spinScore({certain: 0, contextual: 0, words: 300})
    const many = spinScore({certain: 6, contextual: 10, words: 300})
    expect(none).toBeLessThan(0.5)
    expect(many).toBeGreaterThan(0.5)
  })
})

describe('the n-gram signal', () => {
  const store = shippedCollocations()
  const index = store.pairIndex()
  /** The signal by its definition: tokenize, then the store's string lookups. */
  function counted(text: string) {
    const tokens = tokenize(text)
    let pairs = 0
    let unseen = 0
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1]!.norm, tokens[i]!.norm]
      if (store.count(a) < 3 || store.count(b) < 3 || !isJoiningGap(text, tokens[i - 1]!.end, tokens[i]!.start)) continue
      pairs++
      if (store.bigram(a, b) === 0) unseen++
    }
    return {pairs, unseen}
  }

  it('counts the pairs of known words tokenize finds, and the unseen ones, on real text', () => {
    const dir = 'test/fixtures/eval'
    const texts = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => readFileSync(`${dir}/${n}`, 'utf8'))
    for (const text of texts) expect(index.signals(text)).toEqual(counted(text))
    expect(counted(texts.join('\n')).pairs).toBeGreaterThan(1000)
  })

  it('cuts words exactly as tokenize does', () => {
    const pieces = ['the', 'The', 'U', 'S', '.', 'p', 'c', 's', "'", '’', '-', '‐', ' ', '\n', '\n\n', '\t', '\u00a0', ',', 'é', 'É', 'A', 'Σ', 'ΟΣ', 'Ⓐ', 'İ', '𝒜', '😀', '19', "don't", 'said', 'of', 'x.']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
        const text = parts.join('')
        expect(index.signals(text)).toEqual(counted(text))
      }),
      {numRuns: 3000}
    )
  })
})
