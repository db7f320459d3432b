// Logistic regression, small and exact: standardised inputs, L2-penalised maximum likelihood by
// Newton's method (IRLS), prediction, ROC AUC. Used by scripts/calibrate-score.mjs to fit the spin score.

export interface LogisticModel {
  /** feature means and standard deviations used to standardise inputs */
  mean: number[]
  scale: number[]
  weights: number[]
  bias: number
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

export function predict(model: LogisticModel, x: readonly number[]): number {
  let z = model.bias
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j]! * ((x[j]! - model.mean[j]!) / model.scale[j]!)
  return sigmoid(z)
}

/** Solve A x = b (A symmetric positive definite, small) by Gaussian elimination with pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r
    ;[m[col], m[pivot]] = [m[pivot]!, m[col]!]
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const row = m[r]!
      const top = m[col]!
      const f = row[col]! / top[col]!
      for (let c = col; c <= n; c++) row[c] = row[c]! - f * top[c]!
    }
  }
  return m.map((row, i) => row[n]! / row[i]!)
}

/** Fit on rows `x` with labels `y` (0/1), optional per-row weights, L2 penalty `lambda` on the weights. */
export function fitLogistic(x: readonly number[][], y: readonly number[], options: {lambda?: number; rowWeights?: readonly number[]} = {}): LogisticModel {
  const lambda = options.lambda ?? 1
  const d = x[0]!.length
  const mean = Array.from({length: d}, (_, j) => x.reduce((s, r) => s + r[j]!, 0) / x.length)
  const scale = Array.from({length: d}, (_, j) => Math.sqrt(x.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / x.length) || 1)
  const z = x.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / scale[j]!)])
  let beta = new Array<number>(d + 1).fill(0)
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array<number>(d + 1).fill(0)
    const hessian = Array.from({length: d + 1}, () => new Array<number>(d + 1).fill(0))
    z.forEach((row, i) => {
      const p = sigmoid(row.reduce((s, v, j) => s + v * beta[j]!, 0))
      const w = options.rowWeights?.[i] ?? 1
      for (let j = 0; j <= d; j++) {
        gradient[j] = gradient[j]! + w * (y[i]! - p) * row[j]!
        const h = hessian[j]!
        for (let k = 0; k <= d; k++) h[k] = h[k]! + w * p * (1 - p) * row[j]! * row[k]!
      }
    })
    for (let j = 1; j <= d; j++) {
      gradient[j] = gradient[j]! - lambda * beta[j]!
      hessian[j]![j] = hessian[j]![j]! + lambda
    }
    hessian[0]![0] = hessian[0]![0]! + 1e-9
    const step = solve(hessian, gradient)
    beta = beta.map((b, j) => b + step[j]!)
    if (Math.max(...step.map(Math.abs)) < 1e-8) break
  }
  return {mean, scale, weights: beta.slice(1), bias: beta[0]!}
}

/** Area under the ROC curve (probability that a random positive outscores a random negative; ties ½). */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0])
  let rankSum = 0
  let positives = 0
  for (let i = 0; i < order.length; ) {
    let j = i
    while (j < order.length && order[j]![0] === order[i]![0]) j++
    const rank = (i + 1 + j) / 2
    for (let k = i; k < j; k++)
      if (order[k]![1] === 1) {
        rankSum += rank
        positives++
      }
    i = j
  }
  const negatives = order.length - positives
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}
